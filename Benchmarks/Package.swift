// swift-tools-version:6.1
import PackageDescription

// The benchmark suite, kept out of the library's package so that library users never fetch or
// build it. Plain executables (no benchmark framework): see README.md.
let package = Package(
    name: "PhaseoutBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Phaseout", path: ".."),
    ],
    targets: [
        // Phase breakdown of one planning run, in-process, plus the lp_solve load micro-benchmark.
        .executableTarget(
            name: "phaseout-bench",
            dependencies: [
                .product(name: "Phaseout", package: "Phaseout"),
                .product(name: "LinearProgramming", package: "Phaseout"),
                .product(name: "LPSolve", package: "Phaseout"),
            ]
        ),
        // The monolithic lp_solve peer: solves the HiGHS peer's per-organisation MPS models.
        .executableTarget(
            name: "lpsolve-mps",
            dependencies: [.product(name: "LinearProgramming", package: "Phaseout"), .product(name: "LPSolve", package: "Phaseout")]
        ),
        // A few small solves, for `valgrind --leak-check=full`.
        .executableTarget(
            name: "valgrind-smoke",
            dependencies: [.product(name: "LinearProgramming", package: "Phaseout"), .product(name: "LPSolve", package: "Phaseout")]
        ),
    ]
)
