import CLibFuzzer
import FactCheck
import Foundation

/// What the harnesses share: the repository, its bundled rules compiled once, and input decoding.
public enum FuzzSupport {
  /// The repository root: `$FACTCHECK_HOME`, else found from this file (Fuzz/Sources/FuzzSupport/…).
  public static let repository: String = {
    if let home = ProcessInfo.processInfo.environment["FACTCHECK_HOME"] { return home }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The bundled rules, compiled once per process.
  public static let bundledRules: CompiledRuleSet = {
    let rules = CompiledRuleSet.load([repository + "/Rules"])
    precondition(!rules.rules.isEmpty, "no bundled rules under \(repository)/Rules; set FACTCHECK_HOME")
    return rules
  }()

  /// Hands `callback` to libFuzzer's driver with this process's arguments (libFuzzer's flags, corpus
  /// directories or crash files to replay) and returns its exit status.
  public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
  }

  /// The fuzzer's bytes.
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// The fuzzer's bytes as text, invalid UTF-8 repaired as any reader of ours would.
  public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
    String(decoding: bytes(data, size), as: UTF8.self)
  }
}
