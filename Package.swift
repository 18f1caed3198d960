// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Phaseout",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Phaseout", targets: ["Phaseout"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .executable(name: "phaseout", targets: ["phaseout"]),
    ],
    dependencies: [
        // The CLI's argument parsing, help and error formatting (the only runtime dependency).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // lp_solve 5.5: module map + shim header only. Debian ships the static liblpsolve55.a.
        .systemLibrary(
            name: "CLPSolve",
            path: "Sources/CLPSolve",
            providers: [.apt(["liblpsolve55-dev"])]
        ),
        // Solver-agnostic LP/MILP models and the lp_solve backend. The only importer of CLPSolve.
        .target(name: "LinearProgramming", dependencies: ["CLPSolve"]),
        // The domain: registers, scenarios, planning, verification, outputs.
        .target(name: "Phaseout", dependencies: ["LinearProgramming"]),
        // The command line: parses arguments, calls Phaseout, formats.
        .executableTarget(
            name: "phaseout",
            dependencies: ["Phaseout", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming"]),
        .testTarget(name: "PhaseoutTests", dependencies: ["Phaseout"]),
        .testTarget(name: "PhaseoutCLITests", dependencies: ["phaseout"]),
    ]
)
