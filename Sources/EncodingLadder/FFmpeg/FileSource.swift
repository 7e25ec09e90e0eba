// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg
import LadderCore

/// Decodes the best video stream of a media file once, as YUV 4:2:0 pictures numbered 0, 1, 2, …
///
/// Frames are renumbered at the stream's average frame rate (constant-frame-rate output, which
/// is what segment-aligned ladders need); audio packets of the best audio stream, if any, go to
/// ``audioPacketHandler`` as they are read, so the file is read only once.
final class FileSource: VideoSource {
    let description: SourceDescription
    private let input: InputFile
    private let videoStreamIndex: Int32
    private let decoder: FrameDecoder
    private var converter: Scaler?
    private let packet = Packet()
    private var pending: [Frame] = []
    private var nextFrameIndex: Int64 = 0
    private var reachedEnd = false
    /// The best audio stream's index, when the file has one.
    let audioStreamIndex: Int32?
    /// Receives each audio packet (timestamps in the audio stream's time base).
    var audioPacketHandler: ((Packet) throws -> Void)?

    init(path: String) throws {
        let input: InputFile
        do { input = try InputFile(path: path) } catch {
            throw EncodeError(
                error.code == cffmpeg_averror(ENOENT) ? .inputNotFound : .unsupportedInput,
                "cannot read input '\(path)' (expected a media file libavformat can open)", cause: error)
        }
        guard let videoIndex = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw EncodeError(.noVideoStream, "input '\(path)' has no video stream")
        }
        let stream = input.stream(videoIndex)
        guard let parameters = stream.pointee.codecpar else {
            throw EncodeError(.unsupportedInput, "input '\(path)' has a video stream without codec parameters")
        }
        do {
            decoder = try FrameDecoder(parameters: parameters, what: path)
        } catch {
            throw EncodeError(.unsupportedInput, "cannot decode the video of '\(path)'", cause: error)
        }
        var rate = stream.pointee.avg_frame_rate
        if rate.num <= 0 || rate.den <= 0 { rate = stream.pointee.r_frame_rate }
        guard rate.num > 0, rate.den > 0 else {
            throw EncodeError(.unsupportedInput, "input '\(path)' states no frame rate (expected a video stream with one)")
        }
        let width = Int(parameters.pointee.width), height = Int(parameters.pointee.height)
        guard width > 0, height > 0 else {
            throw EncodeError(.unsupportedInput, "input '\(path)' has video of size \(width)x\(height) (expected a picture size)")
        }
        self.input = input
        self.videoStreamIndex = videoIndex
        self.audioStreamIndex = input.bestStream(AVMEDIA_TYPE_AUDIO)
        // The colour the file states (e.g. BT.601 for SD), which the rungs keep; BT.709 where unstated.
        let colour = ColourDescription.stated(
            primaries: UInt16(truncatingIfNeeded: parameters.pointee.color_primaries.rawValue),
            transfer: UInt16(truncatingIfNeeded: parameters.pointee.color_trc.rawValue),
            matrix: UInt16(truncatingIfNeeded: parameters.pointee.color_space.rawValue))
        self.description = SourceDescription(
            name: path, width: width, height: height, frameRateNumerator: rate.num,
            frameRateDenominator: rate.den, expectedDurationSeconds: input.durationSeconds, colour: colour)
    }

    /// Frames the container says the video stream has (0 when it does not say), to detect truncation.
    var statedFrameCount: Int { Int(input.stream(videoStreamIndex).pointee.nb_frames) }

    /// Where the video stream starts on the container's clock, seconds (0 when unstated).
    var videoStartSeconds: Double {
        let stream = input.stream(videoStreamIndex)
        let start = stream.pointee.start_time
        guard start != cffmpeg_nopts_value() else { return 0 }
        return Double(start) * Double(stream.pointee.time_base.num) / Double(stream.pointee.time_base.den)
    }

    /// The audio stream, for the audio rendition.
    var audioStream: UnsafeMutablePointer<AVStream>? { audioStreamIndex.map { input.stream($0) } }

    func nextFrame() throws -> Frame? {
        while pending.isEmpty {
            if reachedEnd { return nil }
            try pump()
        }
        return pending.removeFirst()
    }

    /// Reads packets until the decoder yields at least one picture or the file ends.
    private func pump() throws {
        let more: Bool
        do { more = try input.read(into: packet) } catch {
            throw EncodeError(.unsupportedInput, "reading '\(description.name)' failed (truncated or corrupt?)", cause: error)
        }
        do {
            if !more {
                try decoder.send(nil)
                reachedEnd = true
            } else if packet.streamIndex == videoStreamIndex {
                try decoder.send(packet)
            } else {
                if packet.streamIndex == audioStreamIndex, let audioPacketHandler { try audioPacketHandler(packet) }
                return
            }
            while let frame = try decoder.receive() { pending.append(try normalize(frame)) }
        } catch let error as FFmpegError {
            throw EncodeError(.unsupportedInput, "decoding '\(description.name)' failed (corrupt video?)", cause: error)
        }
    }

    /// Converts a decoded picture to YUV 4:2:0 at the stated size and numbers it.
    private func normalize(_ frame: Frame) throws -> Frame {
        let output: Frame
        if frame.pixelFormat == AV_PIX_FMT_YUV420P && frame.width == description.width && frame.height == description.height {
            output = frame
        } else {
            let scaler: Scaler
            if let converter, converter.sourceFormat == frame.pixelFormat, converter.sourceWidth == frame.width,
                converter.sourceHeight == frame.height
            {
                scaler = converter
            } else {
                scaler = try Scaler(
                    sourceWidth: frame.width, sourceHeight: frame.height, sourceFormat: frame.pixelFormat,
                    destinationWidth: description.width, destinationHeight: description.height)
                converter = scaler
            }
            output = try scaler.scale(frame)
        }
        output.pts = nextFrameIndex
        nextFrameIndex += 1
        return output
    }
}

#endif
