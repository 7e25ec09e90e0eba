// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation

/// One rendition scored by an ffmpeg process running `libvmaf`, fed through its standard input.
///
/// **Exact inputs.** Each frame goes down the pipe as one raw YUV 4:2:0 picture of twice the
/// source's height: the rendition's decoded picture upscaled to the source's size (the bicubic
/// picture the PSNR/SSIM probe compares) on top, the very source picture the encoder was given
/// below; ffmpeg crops the two halves apart (a crop only moves plane pointers, so no pixel
/// changes) into `[distorted][reference]libvmaf`. Nothing is re-decoded, re-timed or re-scaled
/// by ffmpeg, so the scores are of exactly the frames the encoder saw, whatever the source's
/// container, frame rate or pixel format; and no reference file is written, whatever the length.
final class FFmpegVMAFScorer: VMAFScorer {
    private let process = Process()
    private let input: FileHandle
    private let folder: URL
    private let width: Int
    private let height: Int
    private let subsample: Int
    private let what: String
    private var stacked: [UInt8]
    /// Presentation timestamps of the frames sent, in order (libvmaf numbers frames 0, 1, …).
    private var sentPts: [Int64] = []
    private var finished = false

    /// Frame rate stated for the raw input: libvmaf pairs the two crops of one picture and never
    /// looks at time, so any rate gives the same scores; 25 is ffmpeg's own rawvideo default.
    static let pipeFramesPerSecond = 25

    static let logName = "vmaf.json"
    static let errorLogName = "ffmpeg.log"

    init(executablePath: String, width: Int, height: Int, model: String, options: VMAFOptions, what: String) throws(EncodeError) {
        self.width = width
        self.height = height
        subsample = options.subsample
        self.what = what
        stacked = [UInt8](repeating: 0, count: width * height * 3)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("abrkit-vmaf-\(UUID().uuidString)")
        let graph =
            "[0:v]split=2[top][bottom];[top]crop=\(width):\(height):0:0[distorted];[bottom]crop=\(width):\(height):0:\(height)[reference];"
            + "[distorted][reference]libvmaf=model=version=\(model):n_subsample=\(options.subsample)"
            + ":log_fmt=json:log_path=\(Self.logName)"
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = [
            "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "yuv420p",
            "-video_size", "\(width)x\(height * 2)", "-framerate", "\(Self.pipeFramesPerSecond)", "-i", "pipe:0",
            "-filter_complex", graph, "-f", "null", "-",
        ]
        // The log file names are relative: no temporary path needs filter-graph escaping.
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        input = pipe.fileHandleForWriting
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let errorLog = folder.appendingPathComponent(Self.errorLogName)
            guard FileManager.default.createFile(atPath: errorLog.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorLog.path])
            }
            process.standardError = try FileHandle(forWritingTo: errorLog)
            // A dead ffmpeg must surface as EPIPE from write(2), not kill abrkit (as ExternalProcess does).
            signal(SIGPIPE, SIG_IGN)
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw EncodeError(.vmafFailed, "\(what): cannot start \(executablePath) for VMAF: \(error)")
        }
    }

    deinit {
        if process.isRunning {
            try? input.close()
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    func add(distorted: Frame, reference: Frame) throws(EncodeError) {
        var offset = 0
        for plane in 0..<3 {
            let planeWidth = plane == 0 ? width : width / 2, planeHeight = plane == 0 ? height : height / 2
            for picture in [distorted, reference] {
                picture.withPlane(plane) { base, stride in
                    stacked.withUnsafeMutableBufferPointer { buffer in
                        for row in 0..<planeHeight {
                            (buffer.baseAddress! + offset + row * planeWidth).update(from: base + row * stride, count: planeWidth)
                        }
                    }
                }
                offset += planeWidth * planeHeight
            }
        }
        try send()
        sentPts.append(reference.pts)
    }

    private func send() throws(EncodeError) {
        let descriptor = input.fileDescriptor
        let failure: Int32? = stacked.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        if let failure {
            throw EncodeError(.vmafFailed, "\(what): VMAF's ffmpeg stopped reading (\(String(cString: strerror(failure)))): \(endAndReadLog())")
        }
    }

    /// Closes the pipe, waits for ffmpeg and returns its error log.
    private func endAndReadLog() -> String {
        if !finished {
            finished = true
            try? input.close()
            process.waitUntilExit()
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent(Self.errorLogName), encoding: .utf8)) ?? ""
        return log.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func finish() throws(EncodeError) -> [(frameNumber: Int64, score: Double)] {
        let log = endAndReadLog()
        guard process.terminationStatus == 0 else {
            throw EncodeError(.vmafFailed, "\(what): VMAF's ffmpeg exited \(process.terminationStatus): \(log)")
        }
        let scores = try VMAFLog.frameScores(at: folder.appendingPathComponent(Self.logName), what: what)
        let expected = (sentPts.count + subsample - 1) / subsample
        guard scores.count == expected else {
            throw EncodeError(.vmafFailed, "\(what): libvmaf scored \(scores.count) frames, expected \(expected) of \(sentPts.count) every \(subsample)")
        }
        var result: [(frameNumber: Int64, score: Double)] = []
        for (index, score) in scores {
            guard index >= 0, index < sentPts.count else {
                throw EncodeError(.vmafFailed, "\(what): libvmaf's log names frame \(index) of \(sentPts.count)")
            }
            result.append((sentPts[index], score))
        }
        return result
    }
}

#endif
