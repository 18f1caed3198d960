// swift-tools-version:6.1
// libFuzzer targets for Phaseout's readers, kept out of the main package so that they never
// reach library users. Build and run with Fuzz/run.sh (Linux; needs the toolchain's libFuzzer).
import PackageDescription

let package = Package(
    name: "PhaseoutFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Phaseout", path: "..")],
    targets: [
        .executableTarget(
            name: "PhaseoutFuzz",
            dependencies: [.product(name: "Phaseout", package: "Phaseout")]
        ),
    ]
)
