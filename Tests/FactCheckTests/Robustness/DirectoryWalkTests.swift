import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// Directory walks are finite and exact: each file read once whatever the links, every entry accounted
/// for, names that are not UTF-8 read under an escaped name, and reads capped while a file grows.
struct DirectoryWalkTests {
  /// `l/a.md` and two links back to `l` (`ln -s . l/s1; ln -s . l/s2`): the walk used never to end.
  @Test func linksBackIntoTheWalkAreLoopsAndEachArticleIsReadOnce() throws {
    try Robustness.withScratchDirectory { root in
      let walked = root + "/l"
      try FileManager.default.createDirectory(atPath: walked + "/inner", withIntermediateDirectories: true)
      try "Acme employs 1,200 people.\n".write(toFile: walked + "/a.md", atomically: true, encoding: .utf8)
      try "Borel has 300 employees.\n".write(toFile: walked + "/inner/b.md", atomically: true, encoding: .utf8)
      for (name, target) in [("s1", "."), ("s2", "."), ("inner/up", ".."), ("inner/top", "../.."), ("inner/self", ".")] {
        #expect(symlink(target, walked + "/" + name) == 0)
      }
      let (result, seconds) = Robustness.timed { Fixtures.checker().check(paths: [walked]) }
      #expect(seconds < 60)
      #expect(result.documents.filter { $0.status == .checked }.map(\.path).sorted() == [walked + "/a.md", walked + "/inner/b.md"])
      #expect(result.claims.map(\.value).sorted() == [300, 1200], "each article's claims counted once")
      for name in ["s1", "s2", "inner/up", "inner/top", "inner/self"] {
        let link = try #require(Robustness.document(walked + "/" + name, in: result))
        #expect(link.reason == "symbolic-link loop", "\(name)")
        #expect(link.isPassedOver, "\(name)")
      }
      #expect(result.uncheckedInputs.isEmpty)
    }
  }

  @Test func aFileReachedTwiceIsReadOnce() throws {
    try Robustness.withScratchDirectory { root in
      let article = root + "/a.md"
      try "Acme employs 1,200 people.\n".write(toFile: article, atomically: true, encoding: .utf8)
      #expect(symlink("a.md", root + "/b.md") == 0)
      #expect(link(article, root + "/c.md") == 0)
      // Given as a file and found again in the directory.
      let result = Fixtures.checker().check(paths: [article, root])
      #expect(result.claims.count == 1)
      #expect(result.documents.filter { $0.status == .checked }.map(\.path) == [article])
      for name in ["b.md", "c.md"] {
        #expect(Robustness.document(root + "/" + name, in: result)?.reason == "same file as \(article)")
      }
      // The directory's own a.md is the file given: one document, checked once.
      let again = result.documents.filter { $0.path == article }
      #expect(again.count == 1 && again[0].status == .checked)
    }
  }

  /// Hidden entries and other extensions are listed (JSON, SARIF) and counted per reason (text); they make
  /// no `--strict` failure, but a directory with no article still does.
  @Test func everyEntryOfAWalkedDirectoryIsAccountedFor() throws {
    try Robustness.withScratchDirectory { root in
      let manager = FileManager.default
      try manager.createDirectory(atPath: root + "/.git/objects", withIntermediateDirectories: true)
      try "Acme employs 1,200 people.\n".write(toFile: root + "/a.md", atomically: true, encoding: .utf8)
      for name in [".DS_Store", "photo.jpg", "scan.pdf", "data.bin", "more.bin", "README"] {
        try "x".write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
      }
      let result = Fixtures.checker().check(paths: [root])
      let reasons = Dictionary(uniqueKeysWithValues: result.documents.map { (($0.path as NSString).lastPathComponent, $0.reason ?? "checked") })
      #expect(reasons == [
        "a.md": "checked", ".git": "hidden", ".DS_Store": "hidden", "photo.jpg": "not an article: .jpg",
        "scan.pdf": "not an article: .pdf", "data.bin": "not an article: .bin", "more.bin": "not an article: .bin",
        "README": "not an article: no extension",
      ])
      #expect(result.uncheckedInputs.isEmpty)
      let text = TextReporter().report(result)
      #expect(text.contains("note: 7 paths in the directories walked not checked: hidden (2), not an article: .bin (2), not an article: .jpg (1), not an article: .pdf (1), not an article: no extension (1)"))
      #expect(!text.contains("photo.jpg"), "the text report counts, it does not list")
      let json = JSONReporter().report(result)
      #expect(json.contains("\"reason\" : \"not an article: .jpg\"") || json.contains("\"reason\": \"not an article: .jpg\""))
      let sarif = SARIFReporter().report(result)
      #expect(sarif.contains("photo.jpg: not an article: .jpg"))
    }
  }

  @Test func aFileNameThatIsNotUTF8IsCheckedUnderAnEscapedName() throws {
    try Robustness.withScratchDirectory { root in
      // "café.md" as Latin-1: 0xE9 alone is no UTF-8.
      let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".md".utf8)
      let path = Array(root.utf8) + [UInt8(ascii: "/")] + name
      let descriptor = (path + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
      }
      #expect(descriptor >= 0)
      let text = Array("Acme employs 1,200 people.\n".utf8)
      #expect(write(descriptor, text, text.count) == text.count)
      close(descriptor)
      let result = Fixtures.checker().check(paths: [root])
      let document = try #require(Robustness.document(root + "/caf\\xE9.md", in: result))
      #expect(document.status == .checked)
      #expect(result.claims.map(\.value) == [1200])
      #expect(InputFile(systemPath: name).path == "caf\\xE9.md")
    }
  }

  /// A file that reports one size and reads as more (procfs: size 0) stands for one that grows while read.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
  func readingStopsAtTheCapWhenAFileGrowsAfterItWasMeasured() throws {
    var loader = ArticleLoader(lexicons: [:])
    loader.maxBytes = 64
    guard case .skipped(_, let reason) = loader.load(path: "/proc/self/status") else {
      Issue.record("a file read past the cap was not skipped")
      return
    }
    #expect(reason == "too large (over 64 bytes, grown while being read; the limit is 64 bytes)")
  }
}
