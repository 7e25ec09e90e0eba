// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets, one per abrkit file parser, in their own package so that the root package's
// `swift build` and `swift test` never build them. Each executable defines `LLVMFuzzerTestOneInput`
// (`@_cdecl`) and takes libFuzzer's `main`, so it builds only with the fuzzer sanitizer.
// scripts/fuzz.sh builds them, seeds a corpus per target and runs each; by hand, from the root:
//
//     swift build -c debug --package-path Fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
//     Fuzz/.build/debug/CookedTraceFuzzer CORPUS_DIR -runs=1000000
//
// Both sanitizer flags are needed with Swift 6.3: `--sanitize=fuzzer` keeps SwiftPM from aliasing
// `main` to `<Module>_main` (never defined here, so the link fails), and `-Xswiftc
// -sanitize=fuzzer,address` instruments every module, abrkit's included, for coverage and ASan
// (swiftc keeps only its last `-sanitize=`, so `--sanitize=fuzzer --sanitize=address` compiles
// without coverage).
//
// A thrown `FormatError` (or `ModelError`, `LadderSpecError`) is the parser doing its job; only a
// trap, a sanitizer report, a timeout or running out of memory is a finding. abrkit is used without
// its default `FFmpeg` trait: no parser needs libav*.
let package = Package(
    name: "abrkit-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "abrkit", path: "..", traits: [])
    ],
    targets: [
        // The input as text or bytes, one reused scratch file or folder per process, multi-file bundles.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "ABRFormats", package: "abrkit")]
        ),

        // Network traces (ABRFormats/Trace): text in, periods and a `BandwidthTrace` out.
        .executableTarget(name: "CookedTraceFuzzer", dependencies: fuzzerDependencies),
        .executableTarget(name: "MahimahiTraceFuzzer", dependencies: fuzzerDependencies),
        .executableTarget(name: "CSVTraceFuzzer", dependencies: fuzzerDependencies),
        .executableTarget(name: "SabreTraceFuzzer", dependencies: fuzzerDependencies),
        // A trace file of any format through `TraceReader.read(path:)`: detection, then the parser.
        .executableTarget(name: "TraceReaderFuzzer", dependencies: fuzzerDependencies),

        // Videos (ABRFormats/Video): the readers take a path, so the input goes to a scratch file or folder.
        .executableTarget(name: "LadderJSONFuzzer", dependencies: fuzzerDependencies),
        .executableTarget(name: "SabreMovieFuzzer", dependencies: fuzzerDependencies),
        .executableTarget(name: "ResultSetFuzzer", dependencies: fuzzerDependencies),
        .executableTarget(name: "PensieveFolderFuzzer", dependencies: fuzzerDependencies),
        .executableTarget(name: "HLSPlaylistFuzzer", dependencies: fuzzerDependencies),
        .executableTarget(name: "DASHManifestFuzzer", dependencies: fuzzerDependencies),

        // Ladder spec files and presets (ABRFormats/Ladder, `ladders/*.json`): `LadderSpec.decode`.
        .executableTarget(
            name: "LadderSpecFuzzer",
            dependencies: fuzzerDependencies + [.product(name: "LadderCore", package: "abrkit")]
        ),

        // External-policy replies (ABRFormats/External): one line of the process's stdout.
        .executableTarget(name: "ExternalReplyFuzzer", dependencies: fuzzerDependencies),
    ]
)

var fuzzerDependencies: [Target.Dependency] {
    [
        "FuzzSupport",
        .product(name: "ABRFormats", package: "abrkit"),
        .product(name: "ABRSimulator", package: "abrkit"),
    ]
}
