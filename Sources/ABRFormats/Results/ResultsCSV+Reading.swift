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
        func column(_ name: SessionColumn) throws(FormatError) -> Int {
            guard let i = header.firstIndex(of: name.rawValue) else {
                throw FormatError(
                    .malformedRecord, path: path, line: 1, value: name.rawValue, problem: "the header has no column '\(name.rawValue)'",
                    expected: "a sessions.csv written by abrkit simulate")
            }
            return i
        }
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
