// swift-tools-version: 6.1
import PackageDescription

// One module per concern, by dependency direction (docs/ARCHITECTURE.md):
//
//   abrkit → Reporting, EncodingLadder (trait FFmpeg), ABRReference → ABRFormats → LadderCore → ABRSimulator
//
// ABRSimulator is the pure engine (standard library and RealModule, no I/O); LadderCore is the pure ladder
// logic; only EncodingLadder links FFmpeg. Without the default `FFmpeg` trait
// (`swift build --product abrkit --disable-default-traits`) abrkit is a simulator-only binary that needs
// no libav* packages: simulate, traces and plot, without encode, hull and demo.
let ffmpeg: TargetDependencyCondition? = .when(traits: ["FFmpeg"])

let package = Package(
    name: "abrkit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ABRSimulator", targets: ["ABRSimulator"]),
        .library(name: "ABRReference", targets: ["ABRReference"]),
        .library(name: "LadderCore", targets: ["LadderCore"]),
        .library(name: "ABRFormats", targets: ["ABRFormats"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "EncodingLadder", targets: ["EncodingLadder"]),
        .executable(name: "abrkit", targets: ["abrkit"]),
    ],
    traits: [
        .default(enabledTraits: ["FFmpeg"]),
        .trait(name: "FFmpeg", description: "The encoder (encode, hull, demo), linked against FFmpeg's libav* libraries."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // RealModule only: log/exp/pow without Foundation, so the engine stays platform-neutral.
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        // `swift package generate-documentation` for the DocC catalogs (scripts/docs.sh); a plugin, never linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .target(name: "ABRSimulator", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        // Pensieve's and Sabre's simulators reproduced exactly, with their batch runner.
        .target(name: "ABRReference", dependencies: ["ABRSimulator", "ABRFormats"]),
        // Ladder specs, quality math, per-title hull, packaging and report models: pure Swift, no FFmpeg.
        .target(name: "LadderCore", dependencies: ["ABRSimulator"]),
        // Every reader and writer: traces, videos, ladder specs and ladder.json, HLS/DASH text, results CSV.
        .target(name: "ABRFormats", dependencies: ["ABRSimulator", "LadderCore"]),
        // SVG figures, text tables and the HTML report (no plotting dependency).
        .target(name: "Reporting", dependencies: ["ABRSimulator", "ABRFormats", "LadderCore"]),
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
        // The FFmpeg pipeline: decode once, scale, encode, mux, audio, quality probes.
        // Without the trait its sources compile to nothing (each file is `#if FFmpeg`) and CFFmpeg is not used.
        .target(name: "EncodingLadder", dependencies: [.target(name: "CFFmpeg", condition: ffmpeg), "ABRFormats", "LadderCore", "ABRSimulator"]),
        .executableTarget(
            name: "abrkit",
            dependencies: [
                "ABRSimulator", "ABRReference", "ABRFormats", "LadderCore", "Reporting",
                .target(name: "EncodingLadder", condition: ffmpeg),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helpers: the package root, self-cleaning scratch folders, one process runner.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ABRSimulatorTests", dependencies: ["ABRSimulator", "TestSupport"]),
        .testTarget(name: "ABRReferenceTests", dependencies: ["ABRReference", "ABRFormats", "TestSupport"]),
        .testTarget(name: "LadderCoreTests", dependencies: ["LadderCore", "TestSupport"]),
        .testTarget(name: "ABRFormatsTests", dependencies: ["ABRFormats", "LadderCore", "TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "ABRFormats", "LadderCore", "TestSupport"]),
        .testTarget(
            name: "EncodingLadderTests",
            dependencies: [.target(name: "EncodingLadder", condition: ffmpeg), "ABRFormats", "LadderCore", "TestSupport"]
        ),
        .testTarget(name: "abrkitTests", dependencies: ["abrkit", "ABRFormats", "ABRSimulator", "TestSupport"]),
    ]
)
