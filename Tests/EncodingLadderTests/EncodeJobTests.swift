#if FFmpeg
import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

@testable import EncodingLadder
@testable import LadderCore

/// End-to-end encodes checked with the real `ffprobe`/`ffmpeg` as independent oracles.
@Suite("EncodeJob", .serialized)
struct EncodeJobTests {
    /// Encodes the 3 s synthetic sample with the two-rung test ladder into a fresh directory.
    private static func encodeSample(
        _ directory: TemporaryDirectory, seconds: Double = 3, jobs: Int = 0,
        measureQuality: Bool = true
    ) throws -> EncodeReport {
        let options = EncodeOptions(
            input: .sample(durationSeconds: seconds), ladder: TestLadder.make(),
            outputDirectory: directory.url, jobs: jobs, measureQuality: measureQuality)
        return try EncodeJob(options: options).run()
    }

    private static func ladderFile(in directory: TemporaryDirectory) throws -> LadderFile {
        try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: directory.url.appendingPathComponent("ladder.json")))
    }

    /// Concatenates a rung's init segment and media segments `range` into one playable file.
    private static func joined(_ directory: TemporaryDirectory, rung: String, segments: ClosedRange<Int>, name: String) throws -> String {
        var data = try Data(contentsOf: directory.url.appendingPathComponent("\(rung)/init.mp4"))
        for number in segments {
            data.append(try Data(contentsOf: directory.url.appendingPathComponent("\(rung)/\(SegmentNaming.mediaSegment(number: number))")))
        }
        let path = directory.path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func ffprobeDecodesEveryRungThroughTheMasterPlaylistAndTheMPD() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encodeSample(directory, measureQuality: false)
        #expect(report.totalFrames == 90)
        for manifest in ["master.m3u8", "manifest.mpd"] {
            // One stream at a time: with several selected, ffprobe's dash demuxer drops the frames
            // it read while probing from the count.
            var streams: Set<String> = []
            for index in 0..<2 {
                let output = try FFmpegCLI.probe([
                    "-select_streams", "v:\(index)", "-count_frames", "-show_entries",
                    "stream=width,height,nb_read_frames", "-of", "csv=p=0", directory.path(manifest),
                ])
                streams.formUnion(output.split(separator: "\n").map(String.init))
            }
            #expect(streams == ["160,90,90", "320,180,90"], "\(manifest)")
        }
    }

    @Test func everySegmentStartsWithAnIDRAtTheSameTimeOnEveryRung() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encodeSample(directory, measureQuality: false)
        var keyTimesPerRung: [[Double]] = []
        for rung in report.rungs {
            #expect(rung.segmentBytes.count == 3)
            var keyTimes: [Double] = []
            for number in 1...rung.segmentBytes.count {
                let frames = try MediaTools.frames(
                    of: try Self.joined(
                        directory, rung: rung.rung.name, segments: number...number,
                        name: "\(rung.rung.name)-\(number).mp4"))
                // 30 frames per 1 s segment at 30 fps, the first one (in presentation order) an IDR, no other key frame.
                #expect(frames.count == 30)
                #expect(frames.first?.key == true)
                #expect(frames.dropFirst().allSatisfy { frame in !frame.key })
                keyTimes.append(frames.first?.pts ?? -1)
            }
            // Whole-stream view: key frames exactly one segment apart.
            let whole = try MediaTools.frames(
                of: try Self.joined(
                    directory, rung: rung.rung.name, segments: 1...3,
                    name: "\(rung.rung.name).mp4"))
            let wholeKeys = whole.filter { $0.key }.map { $0.pts }
            #expect(wholeKeys.count == 3)
            for (index, time) in wholeKeys.enumerated() { #expect(abs(time - wholeKeys[0] - Double(index)) < 1e-6) }
            keyTimesPerRung.append(keyTimes)
            #expect(rung.keyFrameNumbers == [0, 30, 60])
        }
        #expect(keyTimesPerRung[0] == keyTimesPerRung[1])
    }

    /// Reads the boxes themselves, not ffprobe: FFmpeg's MP4 demuxer shifts a track with negative
    /// composition offsets by the largest of them (2 frames here), so its timestamps are not the
    /// file's. ISO/IEC 14496-12: a sample is presented at its decode time (`tfdt` + earlier
    /// durations) plus its `trun` composition offset. CMAF's rule (earliest presentation time =
    /// `tfdt`) and the MPD's `S@t="0"` both need segment k to present its first picture at exactly
    /// k segment durations, on every rung.
    @Test func segmentKPresentsItsFirstPictureAtKSegmentDurationsOnEveryRung() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encodeSample(directory, measureQuality: false)
        for rung in report.rungs {
            let initSegment = [UInt8](try Data(contentsOf: directory.url.appendingPathComponent("\(rung.rung.name)/init.mp4")))
            let timescale = try #require(MP4Boxes.mediaTimescale(initSegment))
            for number in 1...rung.segmentBytes.count {
                let url = directory.url.appendingPathComponent("\(rung.rung.name)/\(SegmentNaming.mediaSegment(number: number))")
                let samples = try #require(MP4Boxes.presentationTimes([UInt8](try Data(contentsOf: url))))
                // 1 s segments at 30 fps: 30 samples presenting frames (k − 1)·30 … (k − 1)·30 + 29.
                let frameTicks = Int64(timescale) / 30
                let expected = (0..<30).map { Int64((number - 1) * 30 + $0) * frameTicks }
                #expect(samples.sorted() == expected, "\(rung.rung.name) segment \(number)")
            }
        }
    }

    @Test func ladderJSONStatesTheBytesAndDurationsOnDisk() throws {
        let directory = try TemporaryDirectory.forEncoding()
        _ = try Self.encodeSample(directory)
        let ladder = try Self.ladderFile(in: directory)
        #expect(ladder.segmentDurationMs == 1000)
        #expect(ladder.levels.map(\.name) == ["90p", "180p"])
        #expect(ladder.source?.durationSeconds == 3)
        for (level, info) in ladder.levels.enumerated() {
            var total = 0
            for segment in 0..<ladder.segmentSizesBits.count {
                let file = directory.url.appendingPathComponent("\(info.name)/\(SegmentNaming.mediaSegment(number: segment + 1))")
                let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
                #expect(size.map { $0 * 8 } == ladder.segmentSizesBits[segment][level])
                total += size ?? 0
            }
            // Duration from ffprobe over the whole rung, against the 3 s ladder.json states.
            let joined = try Self.joined(directory, rung: info.name, segments: 1...3, name: "\(info.name).mp4")
            let frames = try FFmpegCLI.probe([
                "-count_frames", "-show_entries", "stream=nb_read_frames,avg_frame_rate",
                "-of", "csv=p=0", joined,
            ]).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(frames == "30/1,90")
            #expect(abs(info.averageKbps - Double(total) * 8 / 3 / 1000) < 1e-9)
            #expect(abs(info.gbPerHour - Double(total) / 3 * 3600 / 1e9) < 1e-12)
            #expect(info.peakKbps >= info.averageKbps)
            #expect(FileManager.default.fileExists(atPath: directory.path(info.playlist ?? "missing")))
            #expect(info.withinCap == true)
            #expect(info.dataCapGBPerHour == 1.0)
            let psnr = try #require(info.psnrDb)
            #expect(psnr > 25 && psnr < 60)
        }
        #expect(ladder.segmentQuality?["psnr_db"]?.count == 3)
    }

    /// Same input, different worker counts → the same bytes, in one long-lived process whose heap
    /// holds leftovers of earlier encodes (see ``HeapDeterminism`` for why the CLI enables it).
    /// The plan gives these rungs 2 and 3 sliced x264 threads, so threaded encoding is covered too.
    @Test func aShortLastSegmentIsRecordedAndPlayedAtItsRealDuration() throws {
        // 2.5 s at 30 fps with 1 s segments: 30 + 30 + 15 frames.
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encodeSample(directory, seconds: 2.5, measureQuality: false)
        let file = try Self.ladderFile(in: directory)
        #expect(file.segmentDurationMs == 1000)
        #expect(file.segmentDurationsMs == [1000, 1000, 500])
        #expect(report.rungs.allSatisfy { $0.segmentDurationsSeconds == [1, 1, 0.5] })
        let video = try LadderVideo.read(path: directory.path("ladder.json"))
        #expect(video.durationSeconds == 2.5)
        let trace = try BandwidthTrace(periods: [TracePeriod(durationSeconds: 100, bitsPerSecond: 100e6)])
        let entry = try #require(PolicyCatalog.entry(named: "bba"))
        let result = try SimulationBatch(video: video, traces: [trace], policies: [entry]).run(jobs: 1)[0]
        #expect(result.metrics.playbackSeconds == 2.5)
        #expect(result.metrics.gbPerHour == Double(result.metrics.downloadedBytes) / 2.5 * 3600 / 1e9)
        // A whole number of segments writes no per-segment durations: the file is Sabre's as before.
        let whole = try TemporaryDirectory.forEncoding()
        _ = try Self.encodeSample(whole, seconds: 2, measureQuality: false)
        #expect(try Self.ladderFile(in: whole).segmentDurationsMs == nil)
    }

    @Test func outputIsByteIdenticalWhateverTheWorkerCount() throws {
        HeapDeterminism.enable()
        let one = try TemporaryDirectory.forEncoding(), two = try TemporaryDirectory.forEncoding()
        let ladder = TestLadder.make(rungs: [
            Rung(name: "90p", width: 160, height: 90, codec: .libx264, bitrateKbps: 150, maxrateKbps: 225, bufsizeKbits: 300, preset: "veryfast"),
            Rung(name: "144p", width: 256, height: 144, codec: .libx264, bitrateKbps: 300, maxrateKbps: 450, bufsizeKbits: 600, preset: "veryfast"),
        ])
        for (directory, jobs) in [(one, 1), (two, 2)] {
            _ = try EncodeJob(
                options: EncodeOptions(
                    input: .sample(durationSeconds: 2), ladder: ladder, outputDirectory: directory.url,
                    jobs: jobs, measureQuality: false)
            ).run()
        }
        for name in [
            "ladder.json", "master.m3u8", "manifest.mpd", "90p/init.mp4", "90p/segment-00001.m4s", "90p/segment-00002.m4s",
            "144p/init.mp4", "144p/segment-00001.m4s", "144p/segment-00002.m4s",
        ] {
            let first = try Data(contentsOf: one.url.appendingPathComponent(name))
            let second = try Data(contentsOf: two.url.appendingPathComponent(name))
            let identical = first == second
            #expect(identical, "\(name) differs between --jobs 1 and --jobs 2")
        }
    }

    @Test func codecStringsAgreeWithTheProfileAndLevelFFprobeReads() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let report = try Self.encodeSample(directory, seconds: 1, measureQuality: false)
        for rung in report.rungs {
            let file = try Self.joined(directory, rung: rung.rung.name, segments: 1...1, name: "\(rung.rung.name).mp4")
            let fields = try FFmpegCLI.probe(["-show_entries", "stream=profile,level", "-of", "csv=p=0", file])
                .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
            #expect(fields.first == "High")  // x264's default profile for 4:2:0 8-bit: High, profile_idc 100 = 0x64.
            let level = try #require(fields.last.flatMap { Int($0) })
            #expect(rung.codecString == "avc1.6400" + String(format: "%02x", level))
        }
    }

    /// abrkit's quality against the ffmpeg CLI's `psnr`/`ssim` filters on the same pair: the source, and the
    /// rung decoded and scaled back to the source size with the same bicubic scaler.
    @Test func qualityAgreesWithFFmpegsPSNRAndSSIMFilters() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let source = directory.path("source.mkv")
        try MediaTools.makeClip(at: source, size: "320x180", rate: 25, seconds: 2)
        let ladder = TestLadder.make(rungs: [
            Rung(
                name: "90p", width: 160, height: 90, codec: .libx264, bitrateKbps: 100,
                maxrateKbps: 150, bufsizeKbits: 200, preset: "veryfast")
        ])
        let out = directory.url.appendingPathComponent("out")
        let report = try EncodeJob(options: EncodeOptions(input: .file(path: source), ladder: ladder, outputDirectory: out)).run()
        let rung = try #require(report.rungs.first)
        let quality = try #require(rung.quality)
        var data = try Data(contentsOf: out.appendingPathComponent("90p/init.mp4"))
        for number in 1...rung.segmentBytes.count {
            data.append(try Data(contentsOf: out.appendingPathComponent("90p/\(SegmentNaming.mediaSegment(number: number))")))
        }
        let encoded = directory.path("90p.mp4")
        try data.write(to: URL(fileURLWithPath: encoded))
        let log = try FFmpegCLI.run(
            [
                "-i", source, "-i", encoded, "-lavfi",
                "[0:v]setpts=PTS-STARTPTS[ref];[1:v]setpts=PTS-STARTPTS,scale=320:180:flags=bicubic[dis];"
                    + "[ref]split[r1][r2];[dis]split[d1][d2];[d1][r1]psnr;[d2][r2]ssim", "-f", "null", "-",
            ])
        func number(after marker: String) -> Double? {
            guard let range = log.range(of: marker, options: .backwards) else { return nil }
            return Double(log[range.upperBound...].prefix { "0123456789.".contains($0) })
        }
        let psnrAverage = try #require(number(after: "average:"))
        let psnrY = try #require(number(after: "PSNR y:"))
        let ssimAll = try #require(number(after: "All:"))
        #expect(abs(quality.psnrDb - psnrAverage) < 0.05, "abrkit \(quality.psnrDb) dB, ffmpeg \(psnrAverage) dB")
        #expect(abs(quality.psnrYDb - psnrY) < 0.05, "abrkit \(quality.psnrYDb) dB, ffmpeg \(psnrY) dB")
        #expect(abs(quality.ssim - ssimAll) < 0.001, "abrkit \(quality.ssim), ffmpeg \(ssimAll)")
        #expect(quality.frameCount == 50)
    }

    @Test func aacAudioIsPackagedBesideTheVideoAndCounted() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let source = directory.path("av.mp4")
        try MediaTools.makeClip(at: source, size: "320x180", rate: 25, seconds: 3, audio: true)
        let out = directory.url.appendingPathComponent("out")
        let report = try EncodeJob(
            options: EncodeOptions(
                input: .file(path: source), ladder: TestLadder.make(), outputDirectory: out,
                measureQuality: false)
        ).run()
        let audio = try #require(report.audio)
        #expect(audio.codecString == "mp4a.40.2")
        #expect(audio.segmentBytes.count == 3)
        #expect(abs(audio.durationSeconds - 3) < 0.05)
        // 64 kbit/s AAC target; container overhead and the encoder's own rate control keep it near.
        #expect(audio.averageKbps > 40 && audio.averageKbps < 90)
        let ladder = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("ladder.json")))
        #expect(ladder.audio?.gbPerHour == audio.gigabytesPerHour)
        let probed = try FFmpegCLI.probe([
            "-count_frames", "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0",
            out.appendingPathComponent("audio/playlist.m3u8").path,
        ])
        #expect(probed.hasPrefix("aac,"))
        let verdict = report.capVerdict(try #require(report.rungs.first))
        #expect(abs(verdict.gbPerHour - (report.rungs[0].gigabytesPerHour + audio.gigabytesPerHour)) < 1e-12)
    }

    @Test func nonAACAudioIsReencodedToStereoAAC() throws {
        let directory = try TemporaryDirectory.forEncoding()
        let source = directory.path("opus51.mkv")
        // 5.1 Opus at 48 kHz: needs decoding, a downmix to stereo and AAC encoding.
        try FFmpegCLI.run([
            "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-filter_complex",
            "[1]asplit=6[a][b][c][d][e][f];[a][b][c][d][e][f]join=inputs=6:channel_layout=5.1[s]",
            "-map", "0:v", "-map", "[s]", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast",
            "-c:a", "libopus", "-b:a", "96k", source,
        ])
        let out = directory.url.appendingPathComponent("out")
        let report = try EncodeJob(
            options: EncodeOptions(
                input: .file(path: source), ladder: TestLadder.make(), outputDirectory: out,
                measureQuality: false)
        ).run()
        let audio = try #require(report.audio)
        #expect(audio.codecString == "mp4a.40.2")
        #expect(audio.channelCount == 2 && audio.sampleRate == 48000)
        #expect(audio.segmentBytes.count == 3)
        #expect(abs(audio.durationSeconds - 3) < 0.05)
        // 2 channels × 64 kbit/s nominal.
        #expect(audio.averageKbps > 90 && audio.averageKbps < 160)
        let probed = try FFmpegCLI.probe([
            "-show_entries", "stream=codec_name,channels,sample_rate", "-of", "csv=p=0",
            out.appendingPathComponent("audio/playlist.m3u8").path,
        ])
        #expect(Set(probed.split(separator: "\n")) == ["aac,48000,2"])
    }
}
#endif
