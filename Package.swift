// swift-tools-version:6.0
import PackageDescription

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
      name: "FactCheck",
      dependencies: ["PatternMatching", .product(name: "Yams", package: "Yams")]
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
