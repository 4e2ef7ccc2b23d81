// swift-tools-version:6.0
// A package that uses FactCheck as a library, as a newsroom's own program would: it depends on FactCheck by
// path and runs the README's "Using the library" example. `make library-example` (and a test) copy it
// outside the checkout, point the path at the checkout and run it there, to show that nothing depends on
// the repository's folders: the bundled rules come from the package's resources.
import PackageDescription

let package = Package(
  name: "UsingTheLibrary",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "FactCheck", path: "../..")],
  targets: [
    .executableTarget(name: "UsingTheLibrary", dependencies: [.product(name: "FactCheck", package: "FactCheck")])
  ]
)
