import Foundation

extension DASHVideo {
    /// One media segment as the MPD addresses it: a file, or a byte range of one.
    struct Segment {
        /// The URI with the `BaseURL`s applied, relative to the MPD unless absolute.
        var uri: String
        /// The `mediaRange` length in bytes, when given: the segment is then not looked at on disk.
        var rangeBytes: Int?
        var seconds: Double
        /// The line of the element that addresses it (`S`, `SegmentURL`, `SegmentTemplate`), for errors.
        var line: Int
    }

    /// A segment's place on the media timeline, in `timescale` ticks.
    struct TimelineEntry {
        var time: Int
        var ticks: Int
        var line: Int
    }

    /// How the segments of the video AdaptationSet's Representations are addressed: the Period,
    /// AdaptationSet and Representation levels whose `SegmentTemplate`, `SegmentList` and `BaseURL` apply.
    struct Addressing {
        var path: String
        var mpd: XMLTree
        var period: XMLTree
        var adaptationSet: XMLTree
        /// The Period's length, when the MPD says it (`DASHVideo.periodSeconds`).
        var periodSeconds: Double?
        var scope: ManifestScope

        /// Largest tick count or number accepted, 2⁵³: exact in a `Double`, far beyond any title.
        static let maximumValue = 1 << 53

        /// The Representation's media segments, in order.
        ///
        /// - Throws: `FormatError` for a missing or bad attribute, a `SegmentBase`, a bad template, or
        ///   more than `maximumSegments` segments.
        func segments(of representation: XMLTree) throws(FormatError) -> [Segment] {
            let base = baseURL(of: representation)
            if let template = inherited("SegmentTemplate", representation) {
                return try templateSegments(template, representation: representation, base: base)
            }
            if let list = inherited("SegmentList", representation) {
                return try listSegments(list, base: base)
            }
            let segmentBase = [period, adaptationSet, representation].contains { $0.child(named: "SegmentBase") != nil }
            throw FormatError(
                .malformedRecord, path: path, line: representation.line, value: representation.attributes["id"],
                problem: segmentBase
                    ? "Representation \(representation.attributes["id"] ?? "") uses SegmentBase (one file indexed by its sidx box), which abrkit does not read"
                    : "Representation \(representation.attributes["id"] ?? "") has no SegmentTemplate or SegmentList",
                expected: "a SegmentTemplate (with a SegmentTimeline or @duration) or a SegmentList")
        }

        /// The bytes of `segment`: its `mediaRange` length, else the size of its file (`ManifestScope`).
        func bytes(of segment: Segment) throws(FormatError) -> Int {
            if let bytes = segment.rangeBytes { return bytes }
            let local = try scope.localPath(of: segment.uri, in: path, line: segment.line, what: "segment")
            return try scope.regularFileBytes(local, uri: segment.uri, in: path, line: segment.line, what: "segment")
        }

        /// An element named `name` as it applies to `representation`: attributes of the Period's,
        /// the AdaptationSet's and the Representation's, the most specific winning; children from
        /// the most specific level that has them.
        func inherited(_ name: String, _ representation: XMLTree) -> XMLTree? {
            var merged: XMLTree?
            for level in [period, adaptationSet, representation] {
                guard let element = level.child(named: name) else { continue }
                guard var result = merged else {
                    merged = element
                    continue
                }
                result.attributes.merge(element.attributes) { _, specific in specific }
                result.line = element.line
                for childName in ["SegmentTimeline", "SegmentURL"] where !element.children(named: childName).isEmpty {
                    result.children.removeAll { $0.name == childName }
                    result.children += element.children(named: childName)
                }
                merged = result
            }
            return merged
        }

        /// The `BaseURL`s of the MPD, Period, AdaptationSet and Representation, each resolved against the one above.
        func baseURL(of representation: XMLTree) -> String {
            var base = ""
            for level in [mpd, period, adaptationSet, representation] {
                if let text = level.child(named: "BaseURL")?.text, !text.isEmpty { base = Self.resolve(text, against: base) }
            }
            return base
        }

        /// `reference` against `base` as a relative URL: an absolute one replaces it, a relative one
        /// replaces its last path component (RFC 3986 §5.2, without queries or fragments).
        static func resolve(_ reference: String, against base: String) -> String {
            if base.isEmpty || reference.hasPrefix("/") || ManifestScope.scheme(of: reference) != nil { return reference }
            guard let slash = base.lastIndex(of: "/") else { return reference }
            return String(base[...slash]) + reference
        }

        // MARK: SegmentTemplate

        func templateSegments(_ template: XMLTree, representation: XMLTree, base: String) throws(FormatError) -> [Segment] {
            guard let media = template.attributes["media"] else {
                throw FormatError(
                    .malformedRecord, path: path, line: template.line, problem: "SegmentTemplate has no @media",
                    expected: "a media template such as segment-$Number%05d$.m4s")
            }
            let timescale = try integer(template, "timescale", default: 1, minimum: 1)
            let startNumber = try integer(template, "startNumber", default: 1, minimum: 0)
            let entries: [TimelineEntry]
            if let timeline = template.child(named: "SegmentTimeline") {
                entries = try self.timeline(timeline, timescale: timescale, offset: try integer(template, "presentationTimeOffset", default: 0, minimum: 0))
            } else if template.attributes["duration"] != nil {
                entries = try evenlySpaced(template, timescale: timescale)
            } else {
                throw FormatError(
                    .malformedRecord, path: path, line: template.line, problem: "SegmentTemplate has neither a SegmentTimeline nor @duration",
                    expected: "one of them, to say how many segments there are and how long each lasts")
            }
            let id = representation.attributes["id"] ?? ""
            let bandwidth = representation.attributes["bandwidth"] ?? ""
            var segments: [Segment] = []
            segments.reserveCapacity(entries.count)
            for (k, entry) in entries.enumerated() {
                let name = try DASHVideo.expand(
                    media, representationID: id, number: startNumber + k, time: entry.time, bandwidth: bandwidth, path: path, line: template.line)
                segments.append(Segment(uri: Self.resolve(name, against: base), seconds: Double(entry.ticks) / Double(timescale), line: entry.line))
            }
            return segments
        }

        /// Segments of `@duration` ticks each from the Period's start to its end, the last one cut at the end.
        func evenlySpaced(_ element: XMLTree, timescale: Int) throws(FormatError) -> [TimelineEntry] {
            let duration = try integer(element, "duration", default: nil, minimum: 1)
            let periodTicks = try self.periodTicks(timescale: timescale, line: element.line, why: "\(element.name)@duration")
            let count = periodTicks / duration + (periodTicks % duration == 0 ? 0 : 1)
            try checkCount(count, line: element.line)
            return (0..<count).map { k in TimelineEntry(time: k * duration, ticks: min(duration, periodTicks - k * duration), line: element.line) }
        }

        /// The Period's length in ticks, rounded, for `@duration` and `r="-1"`.
        func periodTicks(timescale: Int, line: Int, why: String) throws(FormatError) -> Int {
            guard let periodSeconds else {
                throw FormatError(
                    .malformedRecord, path: path, line: line, problem: "\(why) needs the Period's end, and the MPD does not give it",
                    expected: "Period@duration or MPD@mediaPresentationDuration")
            }
            let ticks = (periodSeconds * Double(timescale)).rounded()
            guard ticks.isFinite, ticks >= 1, ticks <= Double(Self.maximumValue) else {
                throw FormatError(
                    .outOfRange, path: path, line: period.line, value: String(periodSeconds), problem: "the Period lasts \(periodSeconds) s",
                    expected: "a positive duration of at most 2^53 ticks")
            }
            return Int(ticks)
        }

        func checkCount(_ count: Int, line: Int) throws(FormatError) {
            guard count <= DASHVideo.maximumSegments else {
                throw FormatError(
                    .outOfRange, path: path, line: line, value: String(count), problem: "\(count) segments",
                    expected: "at most \(DASHVideo.maximumSegments) per Representation")
            }
        }

        /// A whole-number attribute in `minimum...2⁵³`, or `fallback` when absent (an error when `fallback` is nil).
        func integer(_ element: XMLTree, _ name: String, default fallback: Int?, minimum: Int) throws(FormatError) -> Int {
            guard let text = element.attributes[name] else {
                if let fallback { return fallback }
                throw FormatError(
                    .malformedRecord, path: path, line: element.line, problem: "\(element.name) has no @\(name)", expected: "\(name)=\"N\", a whole number")
            }
            guard let value = Int(text), value >= minimum, value <= Self.maximumValue else {
                throw FormatError(
                    .outOfRange, path: path, line: element.line, value: text, problem: "\(element.name)@\(name) \"\(text)\" is out of range",
                    expected: "a whole number from \(minimum) to 2^53")
            }
            return value
        }
    }
}
