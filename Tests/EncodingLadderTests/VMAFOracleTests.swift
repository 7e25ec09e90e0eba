#if FFmpeg
import ABRFormats
import Foundation
import TestSupport
import Testing

@testable import EncodingLadder
@testable import LadderCore

/// abrkit's VMAF against `ffmpeg -lavfi libvmaf` run directly on the files it wrote: the same
/// back end binary and model, each rung upscaled with ffmpeg's own bicubic `scale`, against a
/// lossless copy of the source. Skipped, saying why, where no ffmpeg with libvmaf exists.
@Suite("VMAF", .serialized)
struct VMAFOracleTests {
    /// The back end, or nil when there is none.
    static let backend: FFmpegVMAFBackend? = try? FFmpegVMAFBackend.locate()
    static var hasBackend: Bool { backend != nil }

    /// The largest difference tolerated between abrkit's rung VMAF and the oracle's (VMAF points, 0–100).
    static let tolerance = 0.5

    /// `seconds` of ffmpeg's `testsrc2` at 320×180, 30 fps, as lossless Y4M (the oracle's reference file).
    static func source(in directory: TemporaryDirectory, seconds: Int = 3) throws -> String {
        let path = directory.path("source.y4m")
        try FFmpegCLI.run(["-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=\(seconds)", "-pix_fmt", "yuv420p", path])
        return path
    }

    /// The oracle: `VMAF score` and the harmonic mean that the back end's ffmpeg prints for a rung file.
    static func oracle(
        _ executable: String, rung: String, reference: String, size: String, subsample: Int, log: String, model: String = VMAFOptions.defaultModel
    ) throws -> (
        mean: Double, harmonicMean: Double
    ) {
        // The Y4M carries no colour description and the rung says BT.709 limited range; without the
        // tags, ffmpeg ≥ 7 would auto-insert a colour conversion of the reference (through RGB).
        let tags = "setparams=range=tv:colorspace=bt709:color_primaries=bt709:color_trc=bt709"
        let graph =
            "[1:v]\(tags)[r];[0:v]scale=\(size):flags=bicubic[d];[d][r]libvmaf=model=version=\(model):n_subsample=\(subsample):log_fmt=json:log_path=\(log)"
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: executable), ["-nostdin", "-hide_banner", "-i", rung, "-i", reference, "-lavfi", graph, "-f", "null", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stderr.split(separator: "\n").first { $0.contains("VMAF score:") }, "\(result.stderr)")
        let mean = try #require(Double(line.split(separator: " ").last.map(String.init) ?? ""))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: log))) as? [String: Any]
        let pooled = (json?["pooled_metrics"] as? [String: Any])?["vmaf"] as? [String: Any]
        let harmonic = try #require((pooled?["harmonic_mean"] as? NSNumber)?.doubleValue)
        return (mean, harmonic)
    }

    @Test(
        .enabled(if: FFmpegCLI.isAvailable, "needs the ffmpeg CLI to make the source"),
        .enabled(if: VMAFOracleTests.hasBackend, "no VMAF back end: install imageio-ffmpeg (scripts/setup.sh --vmaf) or an ffmpeg with libvmaf"),
        arguments: [1, 3])
    func everyRungMatchesFFmpegLibVMAFRunDirectly(subsample: Int) throws {
        let backend = try #require(Self.backend)
        let directory = try TemporaryDirectory.forEncoding()
        let source = try Self.source(in: directory)
        let out = directory.url.appendingPathComponent("out")
        let options = EncodeOptions(
            input: .file(path: source), ladder: TestLadder.make(), outputDirectory: out,
            vmaf: VMAFOptions(subsample: subsample, ffmpegPath: backend.executablePath))
        let report = try EncodeJob(options: options).run()
        let ladder = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("ladder.json")))
        #expect(ladder.vmaf == LadderFile.VMAFInfo(model: VMAFOptions.defaultModel, subsample: subsample))
        for key in ["vmaf", "vmaf_harmonic_mean", "vmaf_p5"] { #expect(ladder.segmentQuality?[key]?.count == 3, "\(key)") }
        for rung in report.rungs {
            let vmaf = try #require(rung.vmaf)
            #expect(vmaf.total.frameCount == (90 + subsample - 1) / subsample)
            #expect(vmaf.segments.count == 3)
            let file = try Self.joinedFile(rung, out: out, in: directory)
            let expected = try Self.oracle(
                backend.executablePath, rung: file, reference: source, size: "320:180", subsample: subsample,
                log: directory.path("\(rung.rung.name)-\(subsample).json"))
            #expect(abs(vmaf.total.mean - expected.mean) <= Self.tolerance, "\(rung.rung.name): \(vmaf.total.mean) vs \(expected.mean)")
            #expect(abs(vmaf.total.harmonicMean - expected.harmonicMean) <= Self.tolerance, "\(rung.rung.name)")
            let level = try #require(ladder.levels.first { $0.name == rung.rung.name })
            #expect(level.vmaf == vmaf.total.mean && level.vmafPercentile5 == vmaf.total.percentile5)
            let column = try #require(ladder.levels.firstIndex { $0.name == rung.rung.name })
            #expect(ladder.segmentQuality?["vmaf_p5"]?.map { $0[column] } == vmaf.segments.map(\.percentile5))
            #expect(ladder.segmentQuality?["vmaf"]?.map { $0[column] } == vmaf.segments.map(\.mean))
        }
    }

    /// The rung's init segment and media segments joined into one playable MP4, for the oracle.
    static func joinedFile(_ rung: RungReport, out: URL, in directory: TemporaryDirectory) throws -> String {
        var data = try Data(contentsOf: out.appendingPathComponent("\(rung.rung.name)/init.mp4"))
        for number in 1...rung.segmentBytes.count {
            data.append(try Data(contentsOf: out.appendingPathComponent("\(rung.rung.name)/\(SegmentNaming.mediaSegment(number: number))")))
        }
        let file = directory.path("\(rung.rung.name).mp4")
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    @Test(.enabled(if: VMAFOracleTests.hasBackend, "no VMAF back end: install imageio-ffmpeg (scripts/setup.sh --vmaf) or an ffmpeg with libvmaf"))
    func anUnknownModelIsRefusedBeforeTheOutputIsTouched() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let out = directory.url.appendingPathComponent("out")
        let options = EncodeOptions(
            input: .sample(durationSeconds: 1), ladder: TestLadder.make(), outputDirectory: out, vmaf: VMAFOptions(model: "vmaf_no_such_model"))
        let error = try #require(throws: EncodeError.self) { try EncodeJob(options: options).run() }
        #expect(error.code == .invalidVMAFOptions)
        #expect(error.message.contains("vmaf_no_such_model") && error.message.contains(VMAFOptions.defaultModel))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(arguments: [0, -1, 7])
    func aSubsampleThatLeavesSegmentsUnscoredIsRefused(subsample: Int) throws {
        let directory = try TemporaryDirectory.forEncoding()
        let out = directory.url.appendingPathComponent("out")
        let options = EncodeOptions(
            input: .sample(durationSeconds: 1), ladder: TestLadder.make(), outputDirectory: out, vmaf: VMAFOptions(subsample: subsample))
        let error = try #require(throws: EncodeError.self) { try EncodeJob(options: options).run() }
        #expect(error.code == .invalidVMAFOptions)
        #expect(error.message.contains("subsample \(subsample)") && error.message.contains("30-frame segment"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aModelNameThatIsNotAPlainNameIsRefused() {
        #expect(throws: EncodeError.self) { try VMAFOptions(model: "vmaf_v0.6.1:log_path=/etc/x").validate(gopFrames: 30) }
        #expect(throws: Never.self) { try VMAFOptions(model: "vmaf_4k_v0.6.1").validate(gopFrames: 30) }
    }

    @Test func anFFmpegWithoutLibVMAFIsRefusedNamingBothWaysToGetOne() throws {
        // A stand-in whose filter list lacks libvmaf, as Debian 12's ffmpeg's does.
        let directory = try TemporaryDirectory()
        let fake = directory.path("ffmpeg")
        try directory.file("ffmpeg", "#!/bin/sh\necho ' ... scale             V->V       Scale the input video size.'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let error = try #require(throws: EncodeError.self) { try FFmpegVMAFBackend.locate(explicitPath: fake) }
        #expect(error.code == .vmafUnavailable)
        #expect(error.message.contains("no libvmaf filter") && error.message.contains("imageio-ffmpeg") && error.message.contains("--enable-libvmaf"))
        let missing = try #require(throws: EncodeError.self) { try FFmpegVMAFBackend.locate(explicitPath: directory.path("absent")) }
        #expect(missing.code == .vmafUnavailable)
    }

    @Test func aBackEndThatFailsWhileScoringFailsTheEncodeWithItsMessage() throws {
        // Lists libvmaf and accepts the model, then dies at once when asked to score.
        let directory = try TemporaryDirectory.forEncoding()
        let fake = try directory.file(
            "ffmpeg",
            """
            #!/bin/sh
            case "$*" in
              *-filters*) echo ' .. libvmaf           VV->V      Calculate the VMAF between two video streams.' ;;
              *color=c=gray*) exit 0 ;;
              *) echo 'simulated libvmaf failure' >&2; exit 1 ;;
            esac

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let out = directory.url.appendingPathComponent("out")
        let options = EncodeOptions(
            input: .sample(durationSeconds: 1), ladder: TestLadder.make(), outputDirectory: out, vmaf: VMAFOptions(ffmpegPath: fake))
        let error = try #require(throws: EncodeError.self) { try EncodeJob(options: options).run() }
        #expect(error.code == .vmafFailed)
        #expect(error.message.contains("simulated libvmaf failure"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("ladder.json").path))
    }
}
#endif
