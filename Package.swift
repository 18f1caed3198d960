// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Phaseout",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Phaseout", targets: ["Phaseout"]),
        .library(name: "PhaseoutGenerator", targets: ["PhaseoutGenerator"]),
        // The solver layers, for those who build models of their own (the benchmarks do).
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "LPSolve", targets: ["LPSolve"]),
        .library(name: "MixedIntegerSearch", targets: ["MixedIntegerSearch"]),
        .executable(name: "phaseout", targets: ["PhaseoutCLI"]),
    ],
    dependencies: [
        // The CLI's argument parsing, help and error formatting (the only runtime dependency).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation` for the DocC catalogues.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // lp_solve 5.5: module map + shim header only.
        .systemLibrary(
            name: "CLPSolve",
            path: "Sources/CLPSolve",
            providers: [.apt(["liblpsolve55-dev"]), .brew(["lp_solve"])]
        ),
        // Solver-agnostic models, solutions, the solver protocol and shared tolerances.
        .target(name: "LinearProgramming"),
        // The lp_solve backend: the only importer of CLPSolve.
        .target(name: "LPSolve", dependencies: ["LinearProgramming", "CLPSolve"]),
        // Best-first branch and bound, presolve, cuts and heuristics over any LP relaxation.
        .target(name: "MixedIntegerSearch", dependencies: ["LinearProgramming"]),
        // The domain: inputs, estate, planning, verification, outputs, reports, exports.
        .target(name: "Phaseout", dependencies: ["LinearProgramming", "LPSolve", "MixedIntegerSearch"]),
        // Synthetic registers and scenarios (the CLI's `generate`, tests, benchmarks).
        .target(name: "PhaseoutGenerator"),
        // The `phaseout` command: parses arguments, calls the library, formats.
        .executableTarget(
            name: "PhaseoutCLI",
            dependencies: [
                "Phaseout", "PhaseoutGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Helpers shared by the test targets: one seeded generator, tiny-estate builders.
        .target(name: "TestSupport", dependencies: ["LinearProgramming", "PhaseoutGenerator"], path: "Tests/TestSupport"),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "LPSolve", "MixedIntegerSearch", "TestSupport"]),
        .testTarget(name: "LPSolveTests", dependencies: ["LPSolve", "TestSupport"]),
        .testTarget(name: "MixedIntegerSearchTests", dependencies: ["MixedIntegerSearch", "LPSolve", "TestSupport"]),
        .testTarget(name: "PhaseoutTests", dependencies: ["Phaseout", "PhaseoutGenerator", "LPSolve", "MixedIntegerSearch", "TestSupport"]),
        .testTarget(name: "PhaseoutGeneratorTests", dependencies: ["PhaseoutGenerator"]),
        .testTarget(name: "PhaseoutCLITests", dependencies: ["PhaseoutCLI", "TestSupport"]),
    ]
)
