import Foundation

/// Where the rules bundled with FactCheck are: the entries of `Rules/`, which SwiftPM copies into this
/// target's resource bundle, so that a program depending on FactCheck finds them wherever it runs.
///
/// The target's folder is `Rules/` itself (see Package.swift); this file is linked there as
/// `Rules/BundledResources.swift`.
///
/// The bundle is looked up without SwiftPM's `Bundle.module`, which stops the program when the bundle is
/// missing (a binary copied away from its build folder): beside the executable and in the main bundle's
/// resources (where SwiftPM puts it on Linux and on Apple platforms), then the repository this file was
/// compiled from (a checkout, or SwiftPM's copy of the package). `nil` when none has them.
package enum BundledResources {
  /// The resource bundle's folder name, by platform.
  static let bundleNames = ["FactCheck_FactCheckResources.resources", "FactCheck_FactCheckResources.bundle"]

  /// The bundled `Rules/` folder, or `nil` when it cannot be found.
  package static let rulesDirectory: String? = {
    let manager = FileManager.default
    func rules(in folder: URL) -> String? {
      for candidate in [folder, folder.appendingPathComponent("Contents/Resources")]
      where manager.fileExists(atPath: candidate.appendingPathComponent("lexicons").path) {
        return candidate.path
      }
      return nil
    }
    var places: [URL] = []
    let main = Bundle.main
    for base in [main.bundleURL, main.resourceURL, main.executableURL?.deletingLastPathComponent()].compactMap({ $0 }) {
      places += bundleNames.map { base.appendingPathComponent($0) }
    }
    // Test bundles and plug-ins: each loaded bundle's folder.
    for bundle in Bundle.allBundles where bundle != main {
      places += bundleNames.map { bundle.bundleURL.deletingLastPathComponent().appendingPathComponent($0) }
    }
    for place in places { if let found = rules(in: place) { return found } }
    // Compiled as Rules/BundledResources.swift, or through the link as Sources/FactCheckResources/….
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    return rules(in: source) ?? rules(in: source.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules"))
  }()
}
