// swift-tools-version:6.1
import PackageDescription

// Plans the Scottish example from code: `swift run --package-path Examples/PlanFromCode`.
// A nested package, so that the library's users never build it. Named "Phaseout" (as in
// Benchmarks/Package.swift): a bare path dependency's identity would be the checkout folder's name.
let package = Package(
    name: "PlanFromCode",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Phaseout", path: "../..")],
    targets: [
        .executableTarget(name: "PlanFromCode", dependencies: [.product(name: "Phaseout", package: "Phaseout")]),
    ]
)
