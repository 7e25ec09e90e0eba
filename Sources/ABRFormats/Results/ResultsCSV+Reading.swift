import ABRSimulator

extension ResultsCSV {
    /// One session of a `sessions.csv` as read back: what the figures across traces need.
    public struct SessionRow: Hashable, Sendable {
        public var trace: String
        public var policy: String
        public var qoePerSegment: Double
        public var averageBitrateKbps: Double
        public var rebufferRatio: Double
    }

    /// Reads the sessions of a `sessions.csv` (abrkit's own, or any CSV with those columns).
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - path: named in errors only.
    /// - Throws: `FormatError` when the CSV is malformed, lacks a needed column, or holds a value
    ///   that is not a number where one is needed (naming the line and the column).
    public static func readSessions(_ text: String, path: String) throws(FormatError) -> [SessionRow] {
        let (header, records) = try CSVTable.parse(text, path: path)
        func column(_ name: SessionColumn) throws(FormatError) -> Int { try ResultsCSV.column(name, in: header, path: path) }
        let trace = try column(.trace), policy = try column(.policy)
        let numbers = [try column(.qoePerSegment), try column(.averageBitrateKbps), try column(.rebufferRatio)]
        var rows: [SessionRow] = []
        for (n, record) in records.enumerated() {
            var values: [Double] = []
            for c in numbers {
                guard let v = Double(record[c]) else {
                    throw FormatError(.notANumber, path: path, line: n + 2, value: record[c], problem: "'\(header[c])' is not a number", expected: "a number")
                }
                values.append(v)
            }
            rows.append(
                SessionRow(trace: record[trace], policy: record[policy], qoePerSegment: values[0], averageBitrateKbps: values[1], rebufferRatio: values[2]))
        }
        return rows
    }
}

extension ResultsCSV {
    /// Reads back, from `sessions.csv` rows, what the per-policy summary needs: the metrics as
    /// written (``asWritten(_:)``), so a summary rebuilt from the file equals the run's own.
    public struct SummaryColumns: Sendable {
        private let path: String
        private let header: [String]
        private let policy, segments, qoe, bitrate, rebuffer, events, startup, switches, downloaded, played, capBound, playback: Int
        /// Where the ``ResultsCSV/liveSessionColumns`` are, when the file is a live run's.
        private let live: [Int]?

        /// - Throws: `FormatError` naming the first needed column the header lacks.
        public init(header: [String], path: String) throws(FormatError) {
            func column(_ name: SessionColumn) throws(FormatError) -> Int { try ResultsCSV.column(name, in: header, path: path) }
            self.path = path
            self.header = header
            policy = try column(.policy); segments = try column(.segments); qoe = try column(.qoe); bitrate = try column(.averageBitrateKbps)
            rebuffer = try column(.rebufferSeconds); events = try column(.rebufferEvents); startup = try column(.startupDelaySeconds)
            switches = try column(.switches); downloaded = try column(.downloadedBytes); played = try column(.playedBytes)
            capBound = try column(.capBoundSegments); playback = try column(.playbackSeconds)
            let liveColumns = ResultsCSV.liveSessionColumns.compactMap { header.firstIndex(of: $0) }
            live = liveColumns.count == ResultsCSV.liveSessionColumns.count ? liveColumns : nil
        }

        /// One row's policy, metrics, cap-bound segments and, in a live run's file, live metrics.
        ///
        /// - Throws: `FormatError` naming the line, column and value that is not a number.
        public func read(_ fields: [String], line: Int) throws(FormatError) -> (
            policy: String, metrics: SessionMetrics, capBoundSegments: Int, live: LiveMetrics?
        ) {
            guard fields.count == header.count else {
                throw FormatError(
                    .malformedRecord, path: path, line: line, problem: "\(fields.count) fields", expected: "\(header.count), one per header column")
            }
            func integer(_ c: Int) throws(FormatError) -> Int {
                guard let v = Int(fields[c]) else {
                    throw FormatError(
                        .notANumber, path: path, line: line, value: fields[c], problem: "'\(header[c])' is not a whole number", expected: "a count")
                }
                return v
            }
            func number(_ c: Int) throws(FormatError) -> Double {
                guard let v = Double(fields[c]) else {
                    throw FormatError(.notANumber, path: path, line: line, value: fields[c], problem: "'\(header[c])' is not a number", expected: "a number")
                }
                return v
            }
            let metrics = SessionMetrics(
                segments: try integer(segments), qoe: try number(qoe), averageBitrateKbps: try number(bitrate), rebufferSeconds: try number(rebuffer),
                rebufferEvents: try integer(events), startupDelaySeconds: try number(startup), switches: try integer(switches),
                downloadedBytes: try integer(downloaded), playedBytes: try integer(played), playbackSeconds: try number(playback), sessionSeconds: 0)
            var liveMetrics: LiveMetrics?
            if let l = live {
                liveMetrics = LiveMetrics(
                    targetLatencySeconds: try number(l[0]), meanLatencySeconds: try number(l[1]), p95LatencySeconds: try number(l[2]),
                    secondsBelowRealTime: try number(l[3]), secondsAtRealTime: try number(l[4]), secondsAboveRealTime: try number(l[5]),
                    seeks: try integer(l[6]), skippedSeconds: try number(l[7]), qoeLoLP: try number(l[8]), qoeNQoE: try number(l[9]))
            }
            return (fields[policy], metrics, try integer(capBound), liveMetrics)
        }
    }
}

extension ResultsCSV {
    /// Where `name` is in a `sessions.csv` header.
    ///
    /// - Throws: `FormatError` naming the column when the header lacks it.
    public static func column(_ name: SessionColumn, in header: [String], path: String) throws(FormatError) -> Int {
        guard let i = header.firstIndex(of: name.rawValue) else {
            throw FormatError(
                .malformedRecord, path: path, line: 1, value: name.rawValue, problem: "the header has no column '\(name.rawValue)'",
                expected: "a sessions.csv written by abrkit simulate")
        }
        return i
    }
}
