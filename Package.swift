// swift-tools-version:6.0
import Foundation
import PackageDescription

// The bundled rules ship as the resources of a FactCheckResources target, so that a package depending on
// FactCheck finds them without a checkout. SwiftPM copies resources only from inside a target's folder (and
// copies a symbolic link as a link), and Rules/ stays at the repository root where rule authors expect it,
// so the target's folder is Rules/ itself: its one source file is a link there to
// Sources/FactCheckResources/BundledResources.swift, and every other entry of Rules/ is copied as is.
// (A target rooted at the package folder would do too, but SwiftPM then loses track of any scratch path
// other than .build inside it: "unknown build description" on the second build.)
let resourceSource = "BundledResources.swift"
let ruleEntries = ((try? FileManager.default.contentsOfDirectory(atPath: Context.packageDirectory + "/Rules"))
  ?? ["README.md", "attributes.yaml", "checks.yaml", "de", "en", "entities.yaml", "fr", "lexicons"])
  .filter { !$0.hasPrefix(".") && $0 != resourceSource }.sorted()

let package = Package(
  name: "FactCheck",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "FactCheck", targets: ["FactCheck"]),
    .library(name: "FactCheckArchive", targets: ["FactCheckArchive"]),
    .executable(name: "factcheck", targets: ["FactCheckCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // `swift package generate-documentation --target FactCheck` (make docs): the DocC catalogue in
    // Sources/FactCheck/Documentation.docc.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
    ),
    .target(name: "PatternMatching", dependencies: ["CPCRE2"]),
    .target(
      name: "FactCheckResources", path: "Rules", sources: [resourceSource], resources: ruleEntries.map { .copy($0) }
    ),
    // The library's stages, one target each, in the order data flows through them (issue 15): a stage imports
    // only the stages before it, so an import against the flow does not compile. `FactCheck` runs them
    // (Engine), evaluates, streams claims, applies suppressions, and re-exports the public face of them all.
    .target(name: "FactCheckModel", dependencies: ["PatternMatching"]),
    .target(
      name: "FactCheckRules",
      dependencies: ["FactCheckModel", "PatternMatching", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "FactCheckExtraction", dependencies: ["FactCheckRules", .product(name: "Yams", package: "Yams")]),
    .target(name: "FactCheckNormalisation", dependencies: ["FactCheckExtraction"]),
    .target(name: "FactCheckReconciliation", dependencies: ["FactCheckNormalisation"]),
    .target(name: "FactCheckReporting", dependencies: ["FactCheckExtraction"]),
    .target(
      name: "FactCheck",
      dependencies: ["FactCheckReconciliation", "FactCheckReporting", "FactCheckResources", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "FactCheckArchive",
      dependencies: ["FactCheck", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // Issue 19: the front ends over one core — `factcheck serve` (HTTP + a page) and `factcheck mcp`.
    .target(
      name: "FactCheckServer",
      dependencies: ["FactCheck", "FactCheckArchive", .product(name: "Hummingbird", package: "hummingbird")]
    ),
    .target(name: "FactCheckMCP", dependencies: ["FactCheck", "FactCheckArchive", .product(name: "MCP", package: "swift-sdk")]),
    .executableTarget(
      name: "FactCheckCLI",
      dependencies: [
        "FactCheck", "FactCheckArchive", "FactCheckServer", "FactCheckMCP",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "FactCheckBenchmark", dependencies: ["FactCheck", "FactCheckArchive", "PatternMatching"],
      path: "Benchmarks/FactCheckBenchmark"),
    .testTarget(name: "PatternMatchingTests", dependencies: ["PatternMatching"]),
    .testTarget(
      name: "FactCheckTests",
      dependencies: [
        "FactCheck", "FactCheckArchive", .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift"),
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "FactCheckServerTests",
      dependencies: [
        "FactCheckServer", "FactCheckMCP", "FactCheck", "FactCheckArchive",
        .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "MCP", package: "swift-sdk"),
      ]
    ),
  ]
)
