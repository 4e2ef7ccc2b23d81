import Foundation
import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// `--output` never damages anything: not an input, not a device, not a link's non-file target; reports
/// are whole or untouched, written before standard output, and keep an earlier report's owner and mode.
@Suite(.enabled(if: RuleAuthoring.binary != nil, "the factcheck binary is not built next to the tests"))
struct ReportOutputSafetyTests {
  /// A scratch folder with `articles/a.md` and `articles/b.md`, which disagree on one figure.
  static func workspace() throws -> String {
    let root = try RuleAuthoring.temporaryDirectory("outputs")
    try RuleAuthoring.write("---\nlanguage: en\n---\nAcme employs 1,200 people.\n", to: root + "/articles/a.md")
    try RuleAuthoring.write("---\nlanguage: en\n---\nAcme has 1,300 employees.\n", to: root + "/articles/b.md")
    return root
  }

  static func contents(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { Array($0) } }

  /// Report paths that are inputs, or would be read as inputs: refused before anything runs, exit 2, named.
  @Test(arguments: [
    ("json=articles/a.md", "articles/a.md", "it is an input of this run"),
    ("html=articles/new.md", "articles/new.md", "a directory being checked"),
    ("json=link-to-input.json", "link-to-input.json", "it is an input of this run (articles/a.md)"),
    ("sarif=./articles/../articles/b.md", "./articles/../articles/b.md", "it is an input of this run"),
  ])
  func aReportOntoAnInputIsRefused(output: String, named: String, reason: String) throws {
    let root = try Self.workspace()
    #expect(symlink("articles/a.md", root + "/link-to-input.json") == 0)
    let before = [Self.contents(root + "/articles/a.md"), Self.contents(root + "/articles/b.md")]
    let run = try ShellRun.run("\"$FC\" check articles --output \(output)", in: root)
    #expect(run.status == 2, "\(run.errors)")
    #expect(run.errors.contains(named) && run.errors.contains(reason), "\(run.errors)")
    #expect(run.output.isEmpty, "refused before anything runs")
    #expect([Self.contents(root + "/articles/a.md"), Self.contents(root + "/articles/b.md")] == before)
    #expect(!FileManager.default.fileExists(atPath: root + "/articles/new.md"))
    // An input given as a file is protected as well as one found in a directory.
    let direct = try ShellRun.run("\"$FC\" check articles/a.md --output json=articles/a.md", in: root)
    #expect(direct.status == 2)
  }

  @Test func devicesPipesSocketsAndDirectoriesAreRefused() throws {
    let root = try Self.workspace()
    #expect(mkfifo(root + "/pipe.json", 0o644) == 0)
    // A socket's path must fit sun_path (108 bytes): a short one in /tmp.
    let socketPath = "/tmp/factcheck-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
    defer { unlink(socketPath) }
    let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    defer { close(socketDescriptor) }
    var cases = [("/dev/null", "a character device"), ("pipe.json", "a named pipe"), ("articles", "a directory"),
                 ("no-such-dir/r.json", "no such directory")]
    if bound == 0 { cases.append((socketPath, "a socket")) }
    // Root may make a device node anywhere: the report must not replace it with a regular file.
    var null = stat()
    if Robustness.isRoot, stat("/dev/null", &null) == 0, mknod(root + "/device.json", S_IFCHR | 0o666, null.st_rdev) == 0 {
      cases.append(("device.json", "a character device"))
      #expect(symlink("device.json", root + "/link-to-device.json") == 0)
      cases.append(("link-to-device.json", "a character device"))
    }
    for (path, kind) in cases {
      let run = try ShellRun.run("\"$FC\" check articles --output json=\(path)", in: root)
      #expect(run.status == 2, "\(path): \(run.errors)")
      #expect(run.errors.contains(path) && run.errors.contains(kind), "\(path): \(run.errors)")
      #expect(!run.errors.contains("Usage:"), "a refused report is no usage mistake")
    }
    var info = stat()
    if Robustness.isRoot && lstat(root + "/device.json", &info) == 0 { #expect(info.st_mode & S_IFMT == S_IFCHR) }
    #expect(lstat(root + "/pipe.json", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
  }

  /// A link to a regular file is written through: the target gets the report, the link stays a link.
  @Test func aLinkToARegularFileIsWrittenThrough() throws {
    let root = try Self.workspace()
    try "old report".write(toFile: root + "/target.json", atomically: true, encoding: .utf8)
    #expect(symlink("target.json", root + "/report.json") == 0)
    #expect(symlink("missing.json", root + "/dangling.json") == 0)
    let run = try ShellRun.run("\"$FC\" check articles --output json=report.json", in: root)
    #expect(run.status == 1, "\(run.errors)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/report.json") == "target.json")
    let report = try #require(Self.contents(root + "/target.json"))
    #expect(try JSONSerialization.jsonObject(with: Data(report)) is [String: Any])
    let dangling = try ShellRun.run("\"$FC\" check articles --output json=dangling.json", in: root)
    #expect(dangling.status == 2 && dangling.errors.contains("symbolic link to a missing file"), "\(dangling.errors)")
  }

  @Test func aReplacedReportKeepsItsOwnerAndMode() throws {
    let root = try Self.workspace()
    let report = root + "/report.json"
    try "old".write(toFile: report, atomically: true, encoding: .utf8)
    #expect(chmod(report, 0o640) == 0)
    // Root can give the file away first; anyone else checks the mode alone.
    let owner: (uid_t, gid_t) = Robustness.isRoot ? (65_534, 65_534) : (geteuid(), getegid())
    if Robustness.isRoot { #expect(chown(report, owner.0, owner.1) == 0) }
    let run = try ShellRun.run("\"$FC\" check articles --output json=report.json", in: root)
    #expect(run.status == 1, "\(run.errors)")
    var info = stat()
    #expect(stat(report, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o640)
    #expect(info.st_uid == owner.0 && info.st_gid == owner.1)
    #expect(Self.contents(report) != Array("old".utf8))
    // No temporary file is left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains(".factcheck-") }.isEmpty)
  }

  @Test(arguments: ["-", "/dev/stdout"])
  func dashAndDevStdoutMeanStandardOutput(path: String) throws {
    let root = try Self.workspace()
    let run = try ShellRun.run("\"$FC\" check articles --output json=\(path) | cat", in: root)
    #expect(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) is [String: Any], "\(run.output)\(run.errors)")
    // Standard output has one report: asking for two there is a mistake.
    let twice = try ShellRun.run("\"$FC\" check articles --format text --output json=\(path)", in: root)
    #expect(twice.status == 2 && twice.errors.contains("standard output is given twice"), "\(twice.errors)")
  }

  @Test(arguments: [["json=r.json", "sarif=r.json"], ["json=r.json", "json=./r.json"], ["html=out/r.html", "text=out/../out/r.html"]])
  func theSamePathTwiceIsAnError(outputs: [String]) throws {
    let root = try Self.workspace()
    try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
    let run = try ShellRun.run("\"$FC\" check articles " + outputs.map { "--output \($0)" }.joined(separator: " "), in: root)
    #expect(run.status == 2, "\(run.errors)")
    #expect(run.errors.contains("is already the destination of --output \(outputs[0])"), "\(run.errors)")
  }

  /// Files first: a reader that stops early, or a full disk on standard output, costs no report file.
  @Test func reportFilesAreWrittenBeforeStandardOutput() throws {
    let root = try Self.workspace()
    let piped = try ShellRun.run("\"$FC\" check articles --format json --output json=r.json | head -1", in: root)
    #expect(piped.output == "{\n")
    #expect(try JSONSerialization.jsonObject(with: Data(try #require(Self.contents(root + "/r.json")))) is [String: Any])
    let full = try ShellRun.run("\"$FC\" check articles --output sarif=s.sarif > /dev/full", in: root)
    #expect(full.status == 2, "\(full.errors)")
    #expect(full.errors.contains("cannot write the report to standard output: No space left on device"), "\(full.errors)")
    #expect(!full.errors.contains("Usage:"), "a write error is not followed by the usage text")
    #expect(try JSONSerialization.jsonObject(with: Data(try #require(Self.contents(root + "/s.sarif")))) is [String: Any])
  }

  /// SIGINT or SIGTERM while a report is in its temporary file: the temporary file goes, the earlier
  /// report stays as it was, and the process ends by the signal.
  @Test(arguments: [SIGINT, SIGTERM])
  func anInterruptedRunLeavesTheEarlierReportIntact(signal number: Int32) throws {
    let root = try Self.workspace()
    try "earlier report".write(toFile: root + "/r.json", atomically: true, encoding: .utf8)
    let running = try ShellRun.start("exec \"$FC\" check articles --output json=r.json", in: root,
                                     environment: ["FACTCHECK_TEST_PAUSE_BEFORE_RENAME": "20"])
    func temporaries() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasPrefix(".r.json.factcheck-") }
    }
    let deadline = Date().addingTimeInterval(60)
    while temporaries().isEmpty && running.process.isRunning && Date() < deadline { usleep(20_000) }
    #expect(!temporaries().isEmpty, "the report never reached its temporary file")
    kill(running.process.processIdentifier, number)
    let outcome = ShellRun.finish(running)
    #expect(outcome.signalled && outcome.status == number, "status \(outcome.status): \(outcome.errors)")
    #expect(temporaries().isEmpty)
    #expect(Self.contents(root + "/r.json") == Array("earlier report".utf8))
  }
}
