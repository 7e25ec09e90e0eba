// swift-tools-version: 6.1
import PackageDescription

// Dependency direction (see DESIGN.md): abrkit → EncodingLadder → ABRFormats → ABRSimulator.
// ABRSimulator is the pure engine: standard library (and RealModule for logarithms) only, no I/O.
let package = Package(
    name: "abrkit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ABRSimulator", targets: ["ABRSimulator"]),
        .library(name: "ABRFormats", targets: ["ABRFormats"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .library(name: "EncodingLadder", targets: ["EncodingLadder"]),
        .executable(name: "abrkit", targets: ["abrkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // RealModule only: log/exp/pow without Foundation, so the engine stays platform-neutral.
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    ],
    targets: [
        .target(name: "ABRSimulator", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        .target(name: "ABRFormats", dependencies: ["ABRSimulator"]),
        // SVG figures (no plotting dependency): generic charts plus the simulator's and encoder's figures.
        .target(name: "Plotting", dependencies: ["ABRSimulator", "ABRFormats"]),
        // Ladder specs, quality metrics and manifest writers (pure Swift); the FFmpeg pipeline joins it.
        .target(name: "EncodingLadder", dependencies: ["ABRFormats"]),
        .executableTarget(
            name: "abrkit",
            dependencies: [
                "ABRSimulator", "ABRFormats", "Plotting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ABRSimulatorTests", dependencies: ["ABRSimulator"]),
        .testTarget(name: "ABRFormatsTests", dependencies: ["ABRFormats"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "EncodingLadderTests", dependencies: ["EncodingLadder", "ABRFormats"]),
        .testTarget(name: "abrkitTests", dependencies: ["abrkit", "ABRFormats"]),
    ]
)
