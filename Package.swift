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
        // FFmpeg's C libraries (libavcodec, libavformat, libswscale, libswresample, libavutil); the module map
        // links all of them, pkg-config finds the headers.
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat",
            providers: [
                .apt(["libavcodec-dev", "libavformat-dev", "libswscale-dev", "libswresample-dev", "libavutil-dev", "pkg-config"]),
                .brew(["ffmpeg", "pkg-config"]),
            ]
        ),
        // Ladder specs, quality metrics and manifest writers (pure Swift) plus the FFmpeg pipeline.
        .target(name: "EncodingLadder", dependencies: ["CFFmpeg", "ABRFormats", "ABRSimulator"]),
        .executableTarget(
            name: "abrkit",
            dependencies: [
                "ABRSimulator", "ABRFormats", "Plotting", "EncodingLadder",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ABRSimulatorTests", dependencies: ["ABRSimulator"]),
        .testTarget(name: "ABRFormatsTests", dependencies: ["ABRFormats"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "ABRFormats"]),
        .testTarget(name: "EncodingLadderTests", dependencies: ["EncodingLadder", "ABRFormats"]),
        .testTarget(name: "abrkitTests", dependencies: ["abrkit", "ABRFormats"]),
    ]
)
