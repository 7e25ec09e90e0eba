import ABRSimulator
import Foundation

/// A DASH MPD as the simulator plays it (ISO/IEC 23009-1): one level per Representation of the
/// video AdaptationSet, segment sizes from the segment files on disk or from `mediaRange`s.
///
/// - Levels: the video AdaptationSet's Representations, ordered by `@bandwidth`, which is the
///   level's nominal bitrate; `@width`/`@height` (or the AdaptationSet's) give its size and `@id`
///   its name. Audio, text and trick-mode AdaptationSets are not played: the simulator models the
///   video track, as with HLS. An MPD must have one Period and one video AdaptationSet.
/// - Segments: `SegmentTemplate` with a `SegmentTimeline` (`$Number$`, `$Time$`,
///   `$RepresentationID$`, `$Bandwidth$`, `%0Nd` widths; `@t`, `@d`, `@r` including `r="-1"` up to
///   the next `S` or the Period's end) or with `@duration`; or a `SegmentList` of `SegmentURL`s.
///   Template and list attributes are inherited from the Period and AdaptationSet. `BaseURL`s are
///   joined as relative paths. A `SegmentBase` (one file indexed by its `sidx` box) is refused.
///   Initialization segments are fetched once per switch by real players and are not counted.
/// - Files: as for HLS (`ManifestScope`): a segment must be a regular file inside the MPD's folder
///   unless `allowOutside`; a segment with a `mediaRange` is not looked at on disk.
/// - Durations: each segment plays for its timeline duration (`d ÷ timescale`); the median one
///   of the lowest level is the nominal duration policies plan with.
/// Every Representation must list the same number of segments (an aligned ladder, as `abrkit encode` writes).
public enum DASHVideo {
    /// Most segments one Representation may list: a day of 1 s segments is 86 400 (the longest
    /// program abrkit loops, `Video.maximumLoopedSeconds`, is a day too). A guard against a timeline
    /// whose `@r` would have abrkit expand and look up segment names for seconds on end.
    public static let maximumSegments = 100_000

    /// `@schemeIdUri` of the EssentialProperty marking a trick-mode (I-frame) AdaptationSet (DASH-IF IOP §3.2.9).
    static let trickModeScheme = "http://dashif.org/guidelines/trickmode"

    /// Reads an MPD and sizes its segments.
    ///
    /// - Parameters:
    ///   - path: the MPD, e.g. `abrkit encode`'s `manifest.mpd`.
    ///   - allowOutside: read segment files whose URIs lead outside the MPD's folder (`../x`,
    ///     absolute paths); by default they are refused.
    /// - Throws: `FormatError` naming the MPD, the line of the element and the value at fault.
    public static func read(path: String, allowOutside: Bool = false) throws(FormatError) -> Video {
        let mpd = try XMLTree.parse(TextFile.readData(path), path: path)
        guard mpd.name == "MPD" else {
            throw FormatError(
                .unknownFormat, path: path, line: mpd.line, value: mpd.name, problem: "the root element is <\(mpd.name)>, not <MPD>",
                expected: "a DASH MPD (ISO/IEC 23009-1)")
        }
        let periods = mpd.children(named: "Period")
        guard periods.count == 1 else {
            throw FormatError(
                .inconsistentTable, path: path, line: periods.dropFirst().first?.line ?? mpd.line, value: String(periods.count),
                problem: "the MPD has \(periods.count) Periods", expected: "one Period (abrkit plays one title as one ladder)")
        }
        let period = periods[0]
        let adaptationSet = try videoAdaptationSet(of: period, path: path)
        let addressing = Addressing(
            path: path, mpd: mpd, period: period, adaptationSet: adaptationSet,
            periodSeconds: try periodSeconds(mpd: mpd, period: period, path: path),
            scope: ManifestScope(manifest: path, kind: "MPD", allowOutside: allowOutside))
        let representations = adaptationSet.children(named: "Representation")
        guard !representations.isEmpty else {
            throw FormatError(
                .inconsistentTable, path: path, line: adaptationSet.line, problem: "the video AdaptationSet has no Representations",
                expected: "one Representation per level")
        }
        var rungs: [(level: Level, bytes: [Int], seconds: [Double], id: String)] = []
        for representation in representations {
            let level = try self.level(representation, in: adaptationSet, path: path)
            let segments = try addressing.segments(of: representation)
            rungs.append(
                (level, try segments.map { segment throws(FormatError) in try addressing.bytes(of: segment) }, segments.map(\.seconds), level.name ?? ""))
        }
        rungs.sort { $0.level.bitsPerSecond < $1.level.bitsPerSecond }
        for rung in rungs.dropFirst() where rung.bytes.count != rungs[0].bytes.count {
            throw FormatError(
                .inconsistentTable, path: path, value: rung.id,
                problem: "Representation \(rung.id) has \(rung.bytes.count) segments, but \(rungs[0].id) has \(rungs[0].bytes.count)",
                expected: "aligned Representations with equal segment counts")
        }
        let durations = rungs[0].seconds
        let table = durations.indices.map { i in rungs.map { $0.bytes[i] } }
        do {
            return try Video(
                levels: rungs.map(\.level), segmentSeconds: durations.sorted()[durations.count / 2], segmentBytes: table, segmentDurations: durations)
        } catch {
            throw FormatError(error, path: path)
        }
    }

    /// The one AdaptationSet of video: `@contentType="video"` or a `video/…` `@mimeType` (its own or
    /// its first Representation's), trick-mode sets aside; when no set says what it holds, the one set there is.
    static func videoAdaptationSet(of period: XMLTree, path: String) throws(FormatError) -> XMLTree {
        let sets = period.children(named: "AdaptationSet")
        func kind(_ set: XMLTree) -> String? {
            if let type = set.attributes["contentType"] { return type }
            let mime = set.attributes["mimeType"] ?? set.child(named: "Representation")?.attributes["mimeType"]
            return mime.map { String($0.prefix { $0 != "/" }) }
        }
        let isTrickMode = { (set: XMLTree) in set.children(named: "EssentialProperty").contains { $0.attributes["schemeIdUri"] == trickModeScheme } }
        var video = sets.filter { kind($0) == "video" && !isTrickMode($0) }
        if video.isEmpty, sets.count == 1, kind(sets[0]) == nil { video = sets }
        guard video.count == 1 else {
            let ids = video.map { $0.attributes["id"] ?? "line \($0.line)" }.joined(separator: ", ")
            throw FormatError(
                .inconsistentTable, path: path, line: video.dropFirst().first?.line ?? period.line, value: String(video.count),
                problem: video.isEmpty ? "the Period has no video AdaptationSet" : "the Period has \(video.count) video AdaptationSets (\(ids))",
                expected: "one AdaptationSet with contentType=\"video\" or a video/ mimeType")
        }
        return video[0]
    }

    /// A Representation's level: `@bandwidth` bits per second, `@width`/`@height` (its own or the
    /// AdaptationSet's), `@id` as the name.
    static func level(_ representation: XMLTree, in adaptationSet: XMLTree, path: String) throws(FormatError) -> Level {
        let text = representation.attributes["bandwidth"] ?? "(none)"
        guard let bandwidth = Double(text), bandwidth.isFinite, bandwidth > 0 else {
            throw FormatError(
                .outOfRange, path: path, line: representation.line, value: text,
                problem: "Representation bandwidth \(text) is missing or not a positive number",
                expected: "bits per second > 0")
        }
        func dimension(_ name: String) throws(FormatError) -> Int? {
            guard let text = representation.attributes[name] ?? adaptationSet.attributes[name] else { return nil }
            guard let value = Int(text), value > 0 else {
                throw FormatError(
                    .outOfRange, path: path, line: representation.line, value: text, problem: "\(name) \(text) is not a positive whole number",
                    expected: "pixels > 0")
            }
            return value
        }
        return Level(bitsPerSecond: bandwidth, width: try dimension("width"), height: try dimension("height"), name: representation.attributes["id"])
    }

    /// The Period's length in seconds: `Period@duration`, else `MPD@mediaPresentationDuration`
    /// less `Period@start`; `nil` when neither is given (then no `r="-1"` may run to the end).
    static func periodSeconds(mpd: XMLTree, period: XMLTree, path: String) throws(FormatError) -> Double? {
        func duration(_ element: XMLTree, _ name: String) throws(FormatError) -> Double? {
            guard let text = element.attributes[name] else { return nil }
            guard let seconds = ISODuration.seconds(text), seconds.isFinite else {
                throw FormatError(
                    .outOfRange, path: path, line: element.line, value: text, problem: "\(element.name)@\(name) \"\(text)\" is not an ISO 8601 duration",
                    expected: "a duration such as PT1M30.5S (days, hours, minutes, seconds)")
            }
            return seconds
        }
        if let seconds = try duration(period, "duration") { return seconds }
        guard let total = try duration(mpd, "mediaPresentationDuration") else { return nil }
        return total - (try duration(period, "start") ?? 0)
    }
}
