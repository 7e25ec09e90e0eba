import Foundation

@testable import EncodingLadder
@testable import LadderCore
import ABRFormats

/// The `ffmpeg` and `ffprobe` command-line tools: independent oracles and fixture makers for the pipeline tests.
enum MediaTools {
    struct Failure: Error, CustomStringConvertible {
        var command: [String]
        var status: Int32
        var standardError: String
        var description: String { "\(command.joined(separator: " ")) exited \(status): \(standardError)" }
    }

    /// Runs a tool found on PATH and returns its standard output (or its standard error, where ffmpeg logs).
    @discardableResult
    static func run(_ arguments: [String], returningStandardError: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(command: arguments, status: process.terminationStatus, standardError: String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: returningStandardError ? errData : outData, as: UTF8.self)
    }

    static func ffprobe(_ arguments: [String]) throws -> String {
        try run(["ffprobe", "-v", "error"] + arguments)
    }

    /// Makes a test clip with ffmpeg's lavfi sources (testsrc2 video, optional sine audio).
    static func makeClip(
        at path: String, size: String = "320x180", rate: Int = 25, seconds: Double = 2, audio: Bool = false,
        videoCodec: [String] = ["-c:v", "libx264", "-preset", "ultrafast", "-qp", "0"]
    ) throws {
        var arguments = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=\(size):rate=\(rate)"]
        if audio { arguments += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"] }
        arguments += ["-t", String(seconds)] + videoCodec
        if audio { arguments += ["-c:a", "aac", "-b:a", "64k"] }
        arguments += ["-pix_fmt", "yuv420p", path]
        try run(arguments)
    }

    /// Per-frame (pts seconds, key frame) of a file's video, in presentation order.
    static func frames(of path: String) throws -> [ProbedFrame] {
        try ffprobe(["-select_streams", "v:0", "-show_entries", "frame=pts_time,key_frame", "-of", "csv=p=0", path])
            .split(separator: "\n").compactMap { line in
                let fields = line.split(separator: ",")
                guard fields.count >= 2, let key = Int(fields[0]), let pts = Double(fields[1]) else { return nil }
                return ProbedFrame(pts: pts, key: key == 1)
            }
    }
}

/// Keeps libav*'s and the encoders' informational lines out of the test log (as the CLI does), once per process.
let quietFFmpegLogs: Void = {
    FFmpegLog.showErrorsOnly()
    setenv("SVT_LOG", "2", 0)
}()

/// A fresh temporary directory per test, removed afterwards.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        quietFFmpegLogs
        url = FileManager.default.temporaryDirectory.appendingPathComponent("abrkit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The small ladder the tests encode: 160×90 and 320×180 x264 rungs, 1 s segments, fast preset.
enum TestLadder {
    static func make(segmentSeconds: Double = 1, rungs: [Rung]? = nil) -> LadderSpec {
        LadderSpec(
            name: "test-2", segmentSeconds: segmentSeconds,
            rungs: rungs ?? [
                Rung(
                    name: "90p", width: 160, height: 90, codec: .libx264, bitrateKbps: 150, maxrateKbps: 225, bufsizeKbits: 300,
                    preset: "veryfast"),
                Rung(
                    name: "180p", width: 320, height: 180, codec: .libx264, bitrateKbps: 400, maxrateKbps: 600, bufsizeKbits: 800,
                    preset: "veryfast"),
            ])
    }
}

/// One video frame as ffprobe reports it: presentation time in seconds, key frame or not.
struct ProbedFrame: Equatable {
    var pts: Double
    var key: Bool
}
