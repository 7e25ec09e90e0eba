// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import CFFmpeg
import Foundation
import LadderCore

/// The source's AAC audio, packaged beside the video as its own CMAF track (one rendition, as
/// Apple's HLS authoring spec expects audio in a separate group), cut at the video's segment times.
///
/// AAC input is copied without re-encoding (no generation loss, no extra CPU); other codecs are
/// re-encoded to AAC-LC (``AudioTranscoder``). Fragments start at
/// the first audio frame at or after each segment boundary of the video's timeline, and audio that
/// runs past the video's last segment (AAC priming and padding) joins that last segment. With a part
/// duration, each segment is written as CMAF parts cut the same way, at the first audio frame at or
/// after each nominal part boundary (segment start + k × part), every part independent (AAC frames
/// all are), so that the audio playlist is as low-latency as the video's.
final class AudioRendition {
    static let directoryName = "audio"
    private let directory: URL
    private let muxer: FragmentedMP4Writer
    private let timeBase: AVRational
    private let segmentSeconds: Double
    private let streamIndex: Int32
    /// Set when the source audio is not AAC.
    private let transcoder: AudioTranscoder?
    let codecString: String
    let initBytes: Int
    let sampleRate: Int
    let channelCount: Int
    private var segmentBytes: [Int] = []
    /// Nominal part duration, seconds, when segments are written in parts.
    private let partSeconds: Double?
    /// `[segment][part]` bytes and start times (seconds on the video's clock) of the parts written.
    private var partBytes: [[Int]] = []
    private var partStarts: [[Double]] = []
    /// The segment being written: its bytes, its finished parts, and the open part's index on the
    /// nominal grid (which may run ahead of the parts written when an audio frame spans a boundary).
    private var pendingSegment: [UInt8] = []
    private var pendingPartBytes: [Int] = []
    private var pendingPartStarts: [Double] = []
    private var openPart = 0
    /// Where the open part began, seconds (used from the segment's second part on).
    private var pendingPartStart = 0.0
    private var segmentStartSeconds: [Double] = [0]
    private var lastEndSeconds = 0.0
    private var wroteAny = false
    /// Where the video's frame 0 sits on the container's clock, seconds.
    private let videoStartSeconds: Double

    init(stream: UnsafeMutablePointer<AVStream>, directory: URL, segmentSeconds: Double, videoStartSeconds: Double, partSeconds: Double? = nil) throws {
        self.partSeconds = partSeconds
        guard let parameters = stream.pointee.codecpar else {
            throw EncodeError(.unsupportedInput, "the input's audio stream has no codec parameters")
        }
        self.directory = directory
        self.segmentSeconds = segmentSeconds
        self.streamIndex = stream.pointee.index
        try OutputDirectory.prepareSubdirectory(directory)
        let copy = CodecParameters()
        do {
            if parameters.pointee.codec_id == AV_CODEC_ID_AAC {
                transcoder = nil
                timeBase = stream.pointee.time_base
                self.videoStartSeconds = videoStartSeconds
                try check(avcodec_parameters_copy(copy.pointer, parameters), "avcodec_parameters_copy(audio)")
                copy.pointer.pointee.codec_tag = 0
            } else {
                let transcoder = try AudioTranscoder(stream: stream, videoStartSeconds: videoStartSeconds)
                self.transcoder = transcoder
                timeBase = transcoder.timeBase
                // The transcoder's timestamps already count from the video's start.
                self.videoStartSeconds = 0
                try check(avcodec_parameters_from_context(copy.pointer, transcoder.encoder.context), "avcodec_parameters_from_context(aac)")
            }
            sampleRate = Int(copy.pointer.pointee.sample_rate)
            channelCount = Int(copy.pointer.pointee.ch_layout.nb_channels)
            // MPEG-4 Audio Object Type = libavcodec's AAC profile + 1 (FF_PROFILE_AAC_LOW 1 → AOT 2, AAC-LC).
            let profile = copy.pointer.pointee.profile
            codecString = CodecString.mp4a(audioObjectType: profile >= 0 ? Int(profile) + 1 : 2)
            muxer = try FragmentedMP4Writer(parameters: copy, timeBase: timeBase)
            let header = try muxer.writeHeader()
            initBytes = header.count
            try OutputDirectory.write(header, to: directory.appendingPathComponent(SegmentNaming.initSegment))
        } catch let error as FFmpegError {
            throw EncodeError(.ffmpeg, "cannot set up the audio rendition", cause: error)
        }
    }

    /// Adds one audio packet read from the source (re-encoded first when it is not AAC).
    func consume(_ packet: Packet) throws {
        guard let transcoder else { return try place(packet) }
        do {
            for encoded in try transcoder.transcode(packet) { try place(encoded) }
        } catch let error as FFmpegError {
            throw EncodeError(.ffmpeg, "re-encoding the audio to AAC failed", cause: error)
        }
    }

    /// Writes one AAC packet into the current fragment, starting a new segment at each boundary.
    private func place(_ packet: Packet) throws {
        guard let pts = packet.pts else { return }
        let seconds = Double(pts) * Double(timeBase.num) / Double(timeBase.den) - videoStartSeconds
        let durationSeconds = Double(packet.pointer.pointee.duration) * Double(timeBase.num) / Double(timeBase.den)
        do {
            if seconds >= Double(segmentStartSeconds.count) * segmentSeconds - 1e-9 && wroteAny {
                try closeSegment(startingNextAt: seconds)
            } else if let partSeconds, wroteAny {
                let segmentStart = Double(segmentStartSeconds.count - 1) * segmentSeconds
                var crossed = false
                while seconds >= segmentStart + Double(openPart + 1) * partSeconds - 1e-9 {
                    openPart += 1
                    crossed = true
                }
                if crossed { try closePart(startingNextAt: seconds) }
            }
            lastEndSeconds = seconds + durationSeconds
            wroteAny = true
            try muxer.write(packet)
        } catch let error as FFmpegError {
            throw EncodeError(.ffmpeg, "packaging audio failed at \(seconds) s", cause: error)
        }
    }

    /// Ends the current fragment as the segment's next part (the first one with the `styp`); the
    /// next part starts at `seconds`.
    private func closePart(startingNextAt seconds: Double) throws {
        let bytes = try muxer.flushFragment(opensSegment: pendingSegment.isEmpty)
        guard !bytes.isEmpty else { return }
        pendingPartStarts.append(pendingSegment.isEmpty ? segmentStartSeconds[segmentStartSeconds.count - 1] : pendingPartStart)
        pendingPartStart = seconds
        if pendingSegment.isEmpty { pendingSegment = bytes } else { pendingSegment += bytes }
        pendingPartBytes.append(bytes.count)
    }

    private func closeSegment(startingNextAt seconds: Double) throws {
        try closePart(startingNextAt: seconds)
        defer {
            pendingSegment = []
            pendingPartBytes = []
            pendingPartStarts = []
            openPart = 0
        }
        guard !pendingSegment.isEmpty else { return }
        segmentBytes.append(pendingSegment.count)
        if partSeconds != nil {
            partBytes.append(pendingPartBytes)
            partStarts.append(pendingPartStarts)
        }
        try OutputDirectory.write(pendingSegment, to: directory.appendingPathComponent(SegmentNaming.mediaSegment(number: segmentBytes.count)))
        segmentStartSeconds.append(seconds)
    }

    /// Writes the last segment, folds any segments past the video's last one into it, and returns the measurements.
    func finish(videoSegmentCount: Int) throws -> AudioReport {
        do {
            for encoded in try transcoder?.finish() ?? [] { try place(encoded) }
            try closeSegment(startingNextAt: lastEndSeconds)
            try muxer.finish()
        } catch let error as FFmpegError {
            throw EncodeError(.ffmpeg, "finishing the audio rendition failed", cause: error)
        }
        if segmentBytes.count > videoSegmentCount && videoSegmentCount > 0 {
            // A media segment may hold several fragments (ISO/IEC 23000-19 CMAF segments), so appending is valid.
            let last = directory.appendingPathComponent(SegmentNaming.mediaSegment(number: videoSegmentCount))
            var merged: Data
            do { merged = try Data(contentsOf: last) } catch {
                throw EncodeError(.outputNotWritable, "cannot read back '\(last.path)': \(error.localizedDescription)")
            }
            for number in (videoSegmentCount + 1)...segmentBytes.count {
                let extra = directory.appendingPathComponent(SegmentNaming.mediaSegment(number: number))
                do { merged.append(try Data(contentsOf: extra)) } catch {
                    throw EncodeError(.outputNotWritable, "cannot read back '\(extra.path)': \(error.localizedDescription)")
                }
                try? FileManager.default.removeItem(at: extra)
            }
            try OutputDirectory.write(merged, to: last)
            segmentBytes = Array(segmentBytes.prefix(videoSegmentCount - 1)) + [merged.count]
            if partSeconds != nil {
                // The merged file's parts are the parts of the files it joins, in order.
                partBytes = Array(partBytes.prefix(videoSegmentCount - 1)) + [partBytes[(videoSegmentCount - 1)...].flatMap { $0 }]
                partStarts = Array(partStarts.prefix(videoSegmentCount - 1)) + [partStarts[(videoSegmentCount - 1)...].flatMap { $0 }]
            }
            segmentStartSeconds = Array(segmentStartSeconds.prefix(videoSegmentCount)) + [segmentStartSeconds.last ?? lastEndSeconds]
        }
        let starts = segmentStartSeconds
        let durations = (0..<segmentBytes.count).map { starts[$0 + 1] - starts[$0] }
        // A part lasts until the next part of its segment starts, the last until the next segment does.
        let parts = partStarts.indices.map { segment in
            let ends = Array(partStarts[segment].dropFirst()) + [starts[segment + 1]]
            return zip(partStarts[segment], ends).enumerated().map { index, span in
                PackagedPart(durationSeconds: span.1 - span.0, bytes: partBytes[segment][index], independent: true)
            }
        }
        return AudioReport(
            codecString: codecString, sampleRate: sampleRate, channelCount: channelCount, initSegmentBytes: initBytes,
            segmentBytes: segmentBytes, segmentDurationsSeconds: durations, segmentParts: parts)
    }
}

#endif
