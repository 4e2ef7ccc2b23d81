import Foundation

import FactCheck

/// Finds the bundled `Rules/` and `Examples/` directories.
///
/// Looked up in order: `$FACTCHECK_HOME`, the directories above the executable (a `swift build` tree
/// inside the repository), the repository this binary was built from, and the current directory. The rules
/// also come with the library as a package resource (``CompiledRuleSet/bundledRulesDirectory``), used when
/// no such directory holds them: a `factcheck` installed with its resource bundle beside it still checks.
enum BundledPaths {
  static var home: String? {
    let manager = FileManager.default
    func isHome(_ path: String) -> Bool {
      manager.fileExists(atPath: (path as NSString).appendingPathComponent("Rules/lexicons"))
    }
    if let env = ProcessInfo.processInfo.environment["FACTCHECK_HOME"], isHome(env) { return env }
    var directory = (CommandLine.arguments[0] as NSString).resolvingSymlinksInPath
    if let executable = executablePath { directory = executable }
    for _ in 0..<8 {
      directory = (directory as NSString).deletingLastPathComponent
      if isHome(directory) { return directory }
      if directory == "/" { break }
    }
    // Sources/FactCheckCLI/BundledPaths.swift → repository root.
    let source = ((#filePath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    let root = (source as NSString).deletingLastPathComponent
    if isHome(root) { return root }
    if isHome(manager.currentDirectoryPath) { return manager.currentDirectoryPath }
    return nil
  }

  /// The running executable's path. On Linux read from `/proc/self/exe`, as Foundation does, but without
  /// setting up `Bundle.main`, which costs some 30 million instructions: a tenth of a one-file check.
  static var executablePath: String? {
    #if os(Linux)
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = buffer.withUnsafeMutableBytes { readlink("/proc/self/exe", $0.baseAddress!.assumingMemoryBound(to: CChar.self), 4095) }
      if count > 0 { return String(decoding: buffer[0..<count], as: UTF8.self) }
    #endif
    return Bundle.main.executablePath
  }

  static var rules: String? {
    home.map { ($0 as NSString).appendingPathComponent("Rules") } ?? CompiledRuleSet.bundledRulesDirectory
  }
  static var examples: String? { home.map { ($0 as NSString).appendingPathComponent("Examples") } }
}
