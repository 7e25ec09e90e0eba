// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import ABRFormats
import Foundation
import LadderCore

/// Writes what an encode measured: media playlists, the DASH MPD, the HLS master playlist and
/// `ladder.json`, in that order, each through a temporary file and a rename, after every segment
/// is on disk. A reader that sees `ladder.json` or `master.m3u8` therefore sees complete segments.
struct LadderOutput {
    var report: EncodeReport

    /// Rungs in ascending bitrate order (target bitrate, else measured average), as manifests and Sabre expect.
    var orderedRungs: [RungReport] {
        report.rungs.enumerated().sorted { lhs, rhs in
            let left = Double(lhs.element.rung.nominalKbps ?? 0), right = Double(rhs.element.rung.nominalKbps ?? 0)
            if left != right { return left < right }
            if lhs.element.averageKbps != rhs.element.averageKbps { return lhs.element.averageKbps < rhs.element.averageKbps }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    func write(to directory: URL) throws {
        let manifests = ManifestBuilder(report: report, rungs: orderedRungs)
        for (path, text) in manifests.mediaPlaylists() {
            try OutputDirectory.write(Data(text.utf8), to: directory.appendingPathComponent(path))
        }
        try OutputDirectory.write(Data(manifests.mpd().utf8), to: directory.appendingPathComponent(OutputDirectory.mpdName))
        try OutputDirectory.write(
            Data(manifests.masterPlaylist().utf8),
            to: directory.appendingPathComponent(OutputDirectory.masterPlaylistName))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json: Data
        do { json = try encoder.encode(ladderFile()) } catch {
            throw EncodeError(.internalInvariant, "cannot encode ladder.json: \(error)")
        }
        try OutputDirectory.write(json, to: directory.appendingPathComponent(OutputDirectory.ladderFileName))
    }

    /// The `ladder.json` model: Sabre fields plus per-level measurements.
    func ladderFile() -> LadderFile {
        let rungs = orderedRungs
        let segmentCount = rungs.first?.segmentBytes.count ?? 0
        let sizes = (0..<segmentCount).map { segment in rungs.map { $0.segmentBytes[segment] * 8 } }
        var quality: [String: [[Double]]]? = nil
        if rungs.allSatisfy({ $0.segmentQuality.count == segmentCount }) && segmentCount > 0 {
            func table(_ value: (QualitySummary) -> Double) -> [[Double]] {
                (0..<segmentCount).map { segment in rungs.map { LadderOutput.reportable(value($0.segmentQuality[segment])) } }
            }
            quality = ["psnr_db": table(\.psnrDb), "psnr_y_db": table(\.psnrYDb), "ssim": table(\.ssim), "ssim_db": table(\.ssimDb)]
        }
        let measured = rungs.compactMap(\.vmaf)
        if segmentCount > 0, measured.count == rungs.count, measured.allSatisfy({ $0.segments.count == segmentCount }) {
            quality = quality ?? [:]
            func table(_ value: (VMAFSummary) -> Double) -> [[Double]] {
                (0..<segmentCount).map { segment in measured.map { value($0.segments[segment]) } }
            }
            quality?[LadderFile.vmafQualityKey] = table(\.mean)
            quality?[LadderFile.vmafHarmonicMeanQualityKey] = table(\.harmonicMean)
            quality?[LadderFile.vmafPercentile5QualityKey] = table(\.percentile5)
        }
        let levels = rungs.map { rung -> LadderFile.LevelInfo in
            let verdict = report.capVerdict(rung)
            return LadderFile.LevelInfo(
                name: rung.rung.name, width: rung.rung.width, height: rung.rung.height, codec: rung.codecName,
                codecString: rung.codecString, targetKbps: rung.rung.nominalKbps.map(Double.init),
                averageKbps: rung.averageKbps, peakKbps: rung.peakKbps, gbPerHour: rung.gigabytesPerHour,
                psnrYDb: rung.quality.map(\.psnrYDb).flatMap(finite), psnrDb: rung.quality.map(\.psnrDb).flatMap(finite),
                ssim: rung.quality.map(\.ssim).flatMap(finite), dataCapGBPerHour: verdict.capGBPerHour, withinCap: verdict.withinCap,
                playlist: "\(rung.rung.name)/\(SegmentNaming.mediaPlaylist)", vmaf: rung.vmaf?.total.mean,
                vmafHarmonicMean: rung.vmaf?.total.harmonicMean, vmafPercentile5: rung.vmaf?.total.percentile5, vmafModel: rung.vmafModel)
        }
        let source = LadderFile.SourceInfo(
            name: report.source.name, width: report.source.width, height: report.source.height,
            frameRate: report.source.framesPerSecond, durationSeconds: report.durationSeconds)
        let audio = report.audio.map {
            LadderFile.AudioInfo(
                codec: $0.codecString, averageKbps: $0.averageKbps, gbPerHour: $0.gigabytesPerHour,
                playlist: "\(AudioRendition.directoryName)/\(SegmentNaming.mediaPlaylist)")
        }
        return LadderFile(
            segmentDurationMs: report.segmentSeconds * 1000,
            bitratesKbps: rungs.map { Double($0.rung.nominalKbps ?? Int($0.averageKbps.rounded())) },
            segmentSizesBits: sizes, levels: levels, segmentQuality: quality, source: source, audio: audio,
            segmentDurationsMs: Self.durationsIfUneven(rungs.first?.segmentDurationsSeconds ?? [], nominal: report.segmentSeconds),
            partSeconds: report.partSeconds, segmentPartSizesBytes: report.partSeconds == nil ? nil : Self.partSizes(rungs),
            vmaf: report.vmafModel.map { LadderFile.VMAFInfo(model: $0, subsample: report.vmafSubsample ?? 1) })
    }

    /// `[segment][level][part]` bytes, levels in manifest order.
    static func partSizes(_ rungs: [RungReport]) -> [[[Int]]] {
        let segmentCount = rungs.first?.segmentParts.count ?? 0
        return (0..<segmentCount).map { segment in rungs.map { $0.segmentParts[segment].map(\.bytes) } }
    }

    /// Every segment's duration in ms when any differs from the nominal one (all rungs share the
    /// cuts, so the first rung's serve); `nil` when all are equal.
    static func durationsIfUneven(_ seconds: [Double], nominal: Double) -> [Double]? {
        seconds.allSatisfy { $0 == nominal } ? nil : seconds.map { $0 * 1000 }
    }

    /// JSON has no infinity (a lossless rung's PSNR); such values are left out of per-level fields.
    private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    /// Ceiling for dB values in per-segment tables, where every cell needs a number: a lossless
    /// segment's PSNR (+∞) is written as 100 dB, far above any lossy 8-bit encode (≈ 60 dB at most).
    static let maximumReportedDecibels = 100.0

    static func reportable(_ value: Double) -> Double {
        value.isNaN ? 0 : min(value, maximumReportedDecibels)
    }
}

#endif
