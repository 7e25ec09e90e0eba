// swift-tools-version: 6.1
import PackageDescription

// Dependency direction (see DESIGN.md): abrkit → EncodingLadder → ABRFormats → ABRSimulator.
// ABRSimulator is the pure engine: standard library only, no I/O.
let package = Package(
    name: "abrkit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ABRSimulator", targets: ["ABRSimulator"]),
        .library(name: "ABRFormats", targets: ["ABRFormats"]),
        .library(name: "EncodingLadder", targets: ["EncodingLadder"]),
        .executable(name: "abrkit", targets: ["abrkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "ABRSimulator"),
        .target(name: "ABRFormats", dependencies: ["ABRSimulator"]),
        // Ladder specs, quality metrics and manifest writers (pure Swift); the FFmpeg pipeline joins it.
        .target(name: "EncodingLadder", dependencies: ["ABRFormats"]),
        .executableTarget(
            name: "abrkit",
            dependencies: [
                "ABRSimulator", "ABRFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ABRSimulatorTests", dependencies: ["ABRSimulator"]),
        .testTarget(name: "ABRFormatsTests", dependencies: ["ABRFormats"]),
        .testTarget(name: "EncodingLadderTests", dependencies: ["EncodingLadder"]),
        .testTarget(name: "abrkitTests", dependencies: ["abrkit", "ABRFormats"]),
    ]
)
