// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the root package's `swift build` and `swift test` never
// build them (nor resolve the benchmark package). Two kinds, run as BENCHMARKS.md ("Running") says:
//
// - Benchmarks/<Name>/<Name>.swift: package-benchmark suites of abrkit's own code (wall clock,
//   instructions, malloc count, throughput; CPU for the batches), from this folder:
//       swift package benchmark                                   # every suite, release build
//       swift package benchmark --target SimulatorBenchmarks --filter 'PlaybackSession/.*'
//       swift package benchmark list
//   `baseline check` gates only the deterministic metrics (allocations, instructions).
//   The `MallocInterposer` trait counts allocations in-process (no jemalloc, nothing to install);
//   naming it alone leaves out the default `RuntimeInterposer` trait (the Linux Swift 6.3 ARC
//   interposer and its swift-runtime-interposer dependency), so retain/release are not counted.
//
// - Sources/<Name>/main.swift: executables that run abrkit and a peer side by side in one run
//   (Pensieve's and Sabre's Python scripts, the ffmpeg CLI) and print the ratio, plus PolicyBench
//   (every catalog policy on Pensieve's real traces); they read ../../shared/data:
//       swift run -c release PensieveBench --scripts DIR --run-python
//       swift run -c release SabreBench [DATA]
//       swift run -c release PolicyBench [--data DIR]
//       swift run -c release IngestBench [--mb 50] [--repeat 3]
//       cd .. && swift build -c release --package-path Benchmarks && ./Benchmarks/.build/release/EncodeBenchmark --repeat 5
let package = Package(
    name: "abrkit-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "abrkit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The engine (one session per catalog policy, a batch of many), the trace reader, and the
        // Pensieve and Sabre reference models, on generated traces and a synthetic title.
        .executableTarget(
            name: "SimulatorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ABRSimulator", package: "abrkit"),
                .product(name: "ABRFormats", package: "abrkit"),
                .product(name: "ABRReference", package: "abrkit"),
            ],
            path: "Benchmarks/SimulatorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // Side by side with a peer.
        // Pensieve's reference model against Pensieve's test scripts (bb.py, mpc.py), chunk by chunk.
        .executableTarget(
            name: "PensieveBench",
            dependencies: [.product(name: "ABRSimulator", package: "abrkit"), .product(name: "ABRReference", package: "abrkit")]
        ),
        // Sabre's reference model against sabre.py, 430 runs.
        .executableTarget(
            name: "SabreBench",
            dependencies: [.product(name: "ABRSimulator", package: "abrkit"), .product(name: "ABRReference", package: "abrkit")]
        ),
        // The default engine's policies on Pensieve's real traces; the offline optimum on a long title.
        .executableTarget(
            name: "PolicyBench",
            dependencies: [.product(name: "ABRSimulator", package: "abrkit"), .product(name: "ABRFormats", package: "abrkit")]
        ),
        // Trace ingest: the byte-level readers beside the reference readers, MB/s per format.
        .executableTarget(
            name: "IngestBench",
            dependencies: [.product(name: "ABRSimulator", package: "abrkit"), .product(name: "ABRFormats", package: "abrkit")]
        ),
        // abrkit encode against the ffmpeg CLI (split + scale + same x264 settings): CPU, wall, bytes per rung.
        .executableTarget(
            name: "EncodeBenchmark",
            dependencies: [
                .product(name: "EncodingLadder", package: "abrkit"), .product(name: "LadderCore", package: "abrkit"),
                .product(name: "ABRFormats", package: "abrkit"),
            ]
        ),
    ]
)
