// swift-tools-version:6.0
// libFuzzer harnesses for FactCheck. Not part of the main package: built by `make fuzz` with
// `-sanitize=fuzzer,address` in its own scratch path (.build-fuzz); see the Makefile and README.md.
// Each harness's main calls libFuzzer's driver (LLVMFuzzerRunDriver), so SwiftPM's own entry point is kept.
import PackageDescription

let package = Package(
  name: "FactCheckFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "FactCheck", path: "..")],
  targets: [
    .target(name: "CLibFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "FactCheck", package: "FactCheck")]),
    .executableTarget(name: "FuzzNumbers", dependencies: ["FuzzSupport", .product(name: "FactCheck", package: "FactCheck")]),
    .executableTarget(name: "FuzzRules", dependencies: ["FuzzSupport", .product(name: "FactCheck", package: "FactCheck")]),
    .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport", .product(name: "FactCheck", package: "FactCheck")]),
  ]
)
