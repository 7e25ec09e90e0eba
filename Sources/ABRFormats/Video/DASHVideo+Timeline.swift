extension DASHVideo.Addressing {
    /// A `SegmentTimeline` unrolled (ISO/IEC 23009-1 §5.3.9.6): each `S` is `@r + 1` segments of
    /// `@d` ticks from `@t` (else where the previous one ended, 0 at first); `r="-1"` repeats up to
    /// the next `S@t`, or to the Period's end (`offset` + the Period's ticks) for the last `S`, the
    /// last segment cut there.
    ///
    /// - Throws: `FormatError` naming the `S` element's line for a missing `@d`, a time that goes
    ///   back, an open-ended repeat with no end, or too many segments.
    func timeline(_ element: XMLTree, timescale: Int, offset: Int) throws(FormatError) -> [DASHVideo.TimelineEntry] {
        let elements = element.children(named: "S")
        guard !elements.isEmpty else {
            throw FormatError(
                .malformedRecord, path: path, line: element.line, problem: "SegmentTimeline has no S elements", expected: "<S d=\"…\"/> per run of segments")
        }
        var entries: [DASHVideo.TimelineEntry] = []
        var next = 0
        for (i, s) in elements.enumerated() {
            let ticks = try integer(s, "d", default: nil, minimum: 1)
            let start = try integer(s, "t", default: next, minimum: 0)
            guard start >= next else {
                throw FormatError(
                    .nonMonotoneTime, path: path, line: s.line, value: String(start), problem: "S@t \(start) is before the previous segment's end \(next)",
                    expected: "segments in time order, without overlap")
            }
            let repeats = try integer(s, "r", default: 0, minimum: -1)
            var end: Int?
            let count: Int
            if repeats == -1 {
                let limit: Int
                if i + 1 < elements.count, elements[i + 1].attributes["t"] != nil {
                    limit = try integer(elements[i + 1], "t", default: nil, minimum: 0)
                } else if i + 1 < elements.count {
                    throw FormatError(
                        .malformedRecord, path: path, line: s.line, value: "-1", problem: "S@r=\"-1\" is followed by an S without @t",
                        expected: "the next S to say where the repeat ends")
                } else {
                    limit = offset + (try periodTicks(timescale: timescale, line: s.line, why: "S@r=\"-1\" on the last S"))
                }
                guard limit > start else {
                    throw FormatError(
                        .nonMonotoneTime, path: path, line: s.line, value: String(start),
                        problem: "S@r=\"-1\" starts at \(start), at or after its end \(limit)",
                        expected: "an end after the S's start")
                }
                end = limit
                count = (limit - start) / ticks + ((limit - start) % ticks == 0 ? 0 : 1)
            } else {
                count = repeats + 1
            }
            try checkCount(entries.count + count, line: s.line)
            guard end != nil || count <= (Self.maximumValue - start) / ticks else {
                throw FormatError(
                    .outOfRange, path: path, line: s.line, value: String(ticks), problem: "the timeline runs past 2^53 ticks",
                    expected: "a title of a sane length")
            }
            var time = start
            for _ in 0..<count {
                let length = end.map { min(ticks, $0 - time) } ?? ticks
                entries.append(DASHVideo.TimelineEntry(time: time, ticks: length, line: s.line))
                time += length
            }
            next = time
        }
        return entries
    }

    // MARK: SegmentList

    /// A `SegmentList`'s `SegmentURL`s, each `@media` (else the `BaseURL`) with its `@mediaRange`
    /// length, timed by the list's `SegmentTimeline` or `@duration`.
    func listSegments(_ list: XMLTree, base: String) throws(FormatError) -> [DASHVideo.Segment] {
        let urls = list.children(named: "SegmentURL")
        guard !urls.isEmpty else {
            throw FormatError(.malformedRecord, path: path, line: list.line, problem: "SegmentList has no SegmentURL", expected: "a SegmentURL per segment")
        }
        try checkCount(urls.count, line: list.line)
        let timescale = try integer(list, "timescale", default: 1, minimum: 1)
        var entries: [DASHVideo.TimelineEntry]
        if let timeline = list.child(named: "SegmentTimeline") {
            entries = try self.timeline(timeline, timescale: timescale, offset: try integer(list, "presentationTimeOffset", default: 0, minimum: 0))
        } else if list.attributes["duration"] != nil {
            let duration = try integer(list, "duration", default: nil, minimum: 1)
            entries = urls.indices.map { k in DASHVideo.TimelineEntry(time: k * duration, ticks: duration, line: list.line) }
            if periodSeconds != nil, let last = entries.last {
                let end = try periodTicks(timescale: timescale, line: list.line, why: "SegmentList@duration")
                if end > last.time { entries[entries.count - 1].ticks = min(duration, end - last.time) }
            }
        } else {
            throw FormatError(
                .malformedRecord, path: path, line: list.line, problem: "SegmentList has neither a SegmentTimeline nor @duration",
                expected: "one of them, to say how long each segment lasts")
        }
        guard entries.count == urls.count else {
            throw FormatError(
                .inconsistentTable, path: path, line: list.line, value: String(urls.count),
                problem: "SegmentList has \(urls.count) SegmentURLs but its timeline \(entries.count) segments", expected: "one SegmentURL per segment")
        }
        var segments: [DASHVideo.Segment] = []
        for (url, entry) in zip(urls, entries) {
            guard let media = url.attributes["media"] ?? (base.isEmpty ? nil : base) else {
                throw FormatError(
                    .malformedRecord, path: path, line: url.line, problem: "SegmentURL has no @media and there is no BaseURL", expected: "media=\"…\"")
            }
            let range = try url.attributes["mediaRange"].map { text throws(FormatError) in try rangeBytes(text, line: url.line) }
            segments.append(
                DASHVideo.Segment(uri: Self.resolve(media, against: base), rangeBytes: range, seconds: Double(entry.ticks) / Double(timescale), line: url.line))
        }
        return segments
    }

    /// The length of a byte range `first-last` (inclusive, RFC 7233 §2.1).
    func rangeBytes(_ text: String, line: Int) throws(FormatError) -> Int {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), first >= 0, last >= first, last <= Self.maximumValue else {
            throw FormatError(
                .outOfRange, path: path, line: line, value: text, problem: "mediaRange \"\(text)\" is not a byte range",
                expected: "first-last, whole numbers, first ≤ last")
        }
        return last - first + 1
    }
}
