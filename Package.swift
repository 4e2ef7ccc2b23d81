// swift-tools-version:6.0
import Foundation
import PackageDescription

// The bundled rules (Rules/, at the repository root where rule authors expect them) ship as a resource of
// the FactCheckResources target, so that a package depending on FactCheck finds them without a checkout.
// SwiftPM copies resources only from inside a target's folder and copies a symbolic link as a link, so that
// target's folder is the package root: it compiles one source file, copies Rules/, and excludes every other
// entry of the root (listed here, so that a new folder needs no edit).
let resourceTargetSource = "Sources/FactCheckResources"
let rootEntries = (try? FileManager.default.contentsOfDirectory(atPath: Context.packageDirectory)) ?? [
  "Benchmarks", "Distributed", "Evaluation", "Examples", "Fuzz", "Makefile", "README.md", "Schemas", "Sources", "Tests",
]
let sourceEntries = (try? FileManager.default.contentsOfDirectory(atPath: Context.packageDirectory + "/Sources")) ?? [
  "CPCRE2", "PatternMatching", "FactCheck", "FactCheckArchive", "FactCheckCLI",
]
let resourceTargetExcludes =
  rootEntries.filter { !$0.hasPrefix(".") && !["Rules", "Sources", "Package.swift"].contains($0) }.sorted()
  + sourceEntries.filter { !$0.hasPrefix(".") && "Sources/" + $0 != resourceTargetSource }.sorted().map { "Sources/" + $0 }

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
  ],
  targets: [
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
    ),
    .target(name: "PatternMatching", dependencies: ["CPCRE2"]),
    .target(
      name: "FactCheckResources", path: ".", exclude: resourceTargetExcludes,
      sources: [resourceTargetSource + "/BundledResources.swift"], resources: [.copy("Rules")]
    ),
    .target(
      name: "FactCheck",
      dependencies: ["PatternMatching", "FactCheckResources", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "FactCheckArchive",
      dependencies: ["FactCheck", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .executableTarget(
      name: "FactCheckCLI",
      dependencies: ["FactCheck", "FactCheckArchive", .product(name: "ArgumentParser", package: "swift-argument-parser")]
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
  ]
)
