// swift-tools-version: 6.1
import PackageDescription

// Benchmarks, kept out of the root package's `swift test`. Run from this directory:
//   swift run -c release SabreBench [../../shared/data]
let package = Package(
    name: "abrkit-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "abrkit", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "SabreBench",
            dependencies: [.product(name: "ABRSimulator", package: "abrkit")]
        ),
    ]
)
