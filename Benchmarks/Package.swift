// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so `swift test` at the root never builds them.
// Run from this folder: `swift run -c release <Benchmark> --help`.
let package = Package(
    name: "abrkit-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "abrkit", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "PensieveBench",
            dependencies: [.product(name: "ABRSimulator", package: "abrkit")]
        ),
        .executableTarget(
            name: "SabreBench",
            dependencies: [.product(name: "ABRSimulator", package: "abrkit")]
        ),
        // The default engine's policies on Pensieve's real traces; the offline optimum on a long title.
        .executableTarget(
            name: "PolicyBench",
            dependencies: [.product(name: "ABRSimulator", package: "abrkit"), .product(name: "ABRFormats", package: "abrkit")]
        ),
        // abrkit encode against the ffmpeg CLI (split + scale + same x264 settings): CPU, wall, bytes per rung.
        .executableTarget(
            name: "EncodeBenchmark",
            dependencies: [.product(name: "EncodingLadder", package: "abrkit")]
        ),
    ]
)
