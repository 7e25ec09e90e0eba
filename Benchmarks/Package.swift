// swift-tools-version: 6.1
import PackageDescription

// Speed benchmark of `abrkit encode` against the ffmpeg CLI, kept out of the root package's
// `swift test`. Run with: swift run -c release --package-path Benchmarks EncodeBenchmark
let package = Package(
    name: "abrkit-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "abrkit", path: "..")],
    targets: [
        .executableTarget(
            name: "EncodeBenchmark",
            dependencies: [.product(name: "EncodingLadder", package: "abrkit")]
        ),
    ]
)
