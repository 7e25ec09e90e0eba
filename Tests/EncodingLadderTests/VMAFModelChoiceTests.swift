#if FFmpeg
import ABRFormats
import Foundation
import TestSupport
import Testing

@testable import EncodingLadder
@testable import LadderCore

/// Which libvmaf model scores a rung: `vmaf_4k_v0.6.1` for rungs of 2160 lines or more when the back
/// end has it, `vmaf_v0.6.1` otherwise, one named model for all with `--vmaf-model`; recorded per
/// rung in ladder.json.
@Suite("VMAF model per rung", .serialized)
struct VMAFModelChoiceTests {
    @Test func theChoiceByRungHeightAndItsBoundaries() {
        let automatic = VMAFOptions()
        // Either side of 2160 lines, and far above it.
        #expect(automatic.model(forRungHeight: 2158, ultraHDAvailable: true) == "vmaf_v0.6.1")
        #expect(automatic.model(forRungHeight: 2160, ultraHDAvailable: true) == "vmaf_4k_v0.6.1")
        #expect(automatic.model(forRungHeight: 4320, ultraHDAvailable: true) == "vmaf_4k_v0.6.1")
        #expect(automatic.model(forRungHeight: 90, ultraHDAvailable: true) == "vmaf_v0.6.1")
        // A back end without the 4K model scores every rung with the default one.
        #expect(automatic.model(forRungHeight: 2160, ultraHDAvailable: false) == "vmaf_v0.6.1")
        // A named model wins everywhere.
        let named = VMAFOptions(model: "vmaf_v0.6.1neg")
        for height in [90, 2158, 2160, 4320] {
            #expect(named.model(forRungHeight: height, ultraHDAvailable: true) == "vmaf_v0.6.1neg")
        }
    }

    /// A 90-line rung and a 2160-line one (narrow, so it encodes quickly) of the 320×180 source.
    static let ladder = TestLadder.make(rungs: [
        Rung(name: "90p", width: 160, height: 90, codec: .libx264, bitrateKbps: 150, preset: "veryfast"),
        Rung(name: "2160p", width: 128, height: 2160, codec: .libx264, bitrateKbps: 800, preset: "veryfast"),
    ])

    /// Encodes one second with `options`' model and returns the report and ladder.json.
    static func encode(_ directory: TemporaryDirectory, source: String, name: String, options: VMAFOptions) throws -> (
        EncodeReport, LadderFile, URL
    ) {
        let out = directory.url.appendingPathComponent(name)
        let report = try EncodeJob(
            options: EncodeOptions(input: .file(path: source), ladder: ladder, outputDirectory: out, upscale: true, vmaf: options)
        ).run()
        let file = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("ladder.json")))
        return (report, file, out)
    }

    @Test(
        .enabled(if: FFmpegCLI.isAvailable, "needs the ffmpeg CLI to make the source"),
        .enabled(if: VMAFOracleTests.hasBackend, "no VMAF back end: install imageio-ffmpeg (scripts/setup.sh --vmaf) or an ffmpeg with libvmaf"))
    func a2160LineRungIsScoredWithThe4KModelAndLadderJSONSaysSo() throws {
        HeapDeterminism.enable()
        let backend = try #require(VMAFOracleTests.backend)
        let directory = try TemporaryDirectory.forEncoding()
        let source = try VMAFOracleTests.source(in: directory, seconds: 1)
        let (report, ladder, out) = try Self.encode(directory, source: source, name: "auto", options: VMAFOptions(ffmpegPath: backend.executablePath))
        #expect(ladder.vmaf == LadderFile.VMAFInfo(model: "vmaf_v0.6.1", subsample: 1))
        #expect(ladder.levels.map(\.name) == ["90p", "2160p"])
        #expect(ladder.levels.map(\.vmafModel) == ["vmaf_v0.6.1", "vmaf_4k_v0.6.1"])
        #expect(report.rungs.map(\.vmafModel) == ["vmaf_v0.6.1", "vmaf_4k_v0.6.1"])
        // Each rung's score is the one ffmpeg's libvmaf gives with that rung's model.
        for rung in report.rungs {
            let file = try VMAFOracleTests.joinedFile(rung, out: out, in: directory)
            let model = try #require(rung.vmafModel)
            let expected = try VMAFOracleTests.oracle(
                backend.executablePath, rung: file, reference: source, size: "320:180", subsample: 1, log: directory.path("\(rung.rung.name).json"),
                model: model)
            let vmaf = try #require(rung.vmaf)
            #expect(abs(vmaf.total.mean - expected.mean) <= VMAFOracleTests.tolerance, "\(rung.rung.name): \(vmaf.total.mean) vs \(expected.mean)")
        }

        // --vmaf-model names one model for every rung, and the 2160-line rung's score changes with it.
        let (named, namedLadder, _) = try Self.encode(
            directory, source: source, name: "named", options: VMAFOptions(model: "vmaf_v0.6.1", ffmpegPath: backend.executablePath))
        #expect(namedLadder.levels.map(\.vmafModel) == ["vmaf_v0.6.1", "vmaf_v0.6.1"])
        // (The 90-line rung's bytes, and so its score, are the same: see HeapDeterminism.)
        #expect(named.rungs[0].vmaf?.total.mean == report.rungs[0].vmaf?.total.mean)
        #expect(named.rungs[1].vmaf?.total.mean != report.rungs[1].vmaf?.total.mean)
    }

    @Test(
        .enabled(if: FFmpegCLI.isAvailable, "needs the ffmpeg CLI to make the source"),
        .enabled(if: VMAFOracleTests.hasBackend, "no VMAF back end: install imageio-ffmpeg (scripts/setup.sh --vmaf) or an ffmpeg with libvmaf"))
    func aBackEndWithoutThe4KModelScores2160LinesWithTheDefault() throws {
        let backend = try #require(VMAFOracleTests.backend)
        let directory = try TemporaryDirectory.forEncoding()
        let source = try VMAFOracleTests.source(in: directory, seconds: 1)
        // The real back end, except that it refuses the 4K model as an ffmpeg built without it would.
        let wrapper = try directory.file(
            "ffmpeg",
            """
            #!/bin/sh
            case "$*" in
              *vmaf_4k*) echo 'could not load libvmaf model with version: vmaf_4k_v0.6.1' >&2; exit 1 ;;
            esac
            exec '\(backend.executablePath)' "$@"

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
        let (report, ladder, _) = try Self.encode(directory, source: source, name: "fallback", options: VMAFOptions(ffmpegPath: wrapper))
        #expect(ladder.levels.map(\.vmafModel) == ["vmaf_v0.6.1", "vmaf_v0.6.1"])
        #expect(report.rungs.allSatisfy { $0.vmaf != nil })
    }
}
#endif
