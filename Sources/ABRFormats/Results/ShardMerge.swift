import ABRSimulator
import Foundation

/// `abrkit merge`: the shards of one sweep joined into the result set one unsharded run writes.
///
/// Shards are contiguous parts in session order (`Shard` in ABRSimulator), so the merged tables are the shards'
/// rows concatenated by shard index, `summary.csv` is rebuilt from the rows, and the merged
/// `run.json` is a shard's without its `shard`.
/// Everything is checked before anything is written: every shard present once, complete (each
/// file the size its `run.json` lists), and run with the same inputs and options.
public enum ShardMerge {
    /// Bounds on what a `run.json` may claim (far beyond any sweep), so shard arithmetic cannot overflow.
    public static let maximumSessions = 1 << 40
    public static let maximumShards = 1 << 20

    /// One shard's folder and what its `run.json` says.
    public struct Part: Sendable {
        public var folder: String
        public var files: [String: Int]
        public var run: RunManifest
        public var shard: RunManifest.ShardPart
    }

    /// The result folders named by `paths`: a folder holding `run.json` is one; any other folder
    /// contributes its `shard-*` sub-folders, sorted.
    public static func parts(_ paths: [String]) throws(FormatError) -> [Part] {
        var folders: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw FormatError(
                    .fileNotFound, path: path, problem: "no such folder", expected: "a shard's result folder, or the --out folder holding shard-* folders")
            }
            guard isFolder.boolValue else { throw FormatError(.unreadable, path: path, problem: "is a file", expected: "a result folder") }
            if FileManager.default.fileExists(atPath: path + "/" + ResultSetWriter.manifestName) {
                folders.append(path)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasPrefix("shard-") }.sorted()
            guard !names.isEmpty else {
                throw FormatError(
                    .shardMismatch, path: path, problem: "holds neither run.json nor shard-* folders",
                    expected: "the --out folder of sharded runs (abrkit simulate --shard I/N --out DIR)")
            }
            folders += names.map { path + "/" + $0 }
        }
        return try folders.map { folder throws(FormatError) in
            let (files, run) = try RunManifest.read(folder: folder)
            let shard = run.shard ?? RunManifest.ShardPart(index: 0, count: 1, firstSession: 0, sessions: run.sessions)
            // Numbers a run of abrkit writes; anything else is a damaged or hand-made run.json.
            guard (0...maximumSessions).contains(run.sessions), (1...maximumShards).contains(shard.count), (0..<shard.count).contains(shard.index)
            else {
                throw FormatError(
                    .shardMismatch, path: folder + "/" + ResultSetWriter.manifestName,
                    problem: "says shard \(shard.index) of \(shard.count) of \(run.sessions) sessions",
                    expected: "0 ≤ shard < count ≤ \(maximumShards), at most \(maximumSessions) sessions")
            }
            return Part(folder: folder, files: files, run: run, shard: shard)
        }
    }

    /// The parts in shard order, after every check; nothing is read but the manifests and sizes.
    ///
    /// - Throws: `FormatError` `.shardMismatch` naming the shard folder at fault.
    public static func check(_ parts: [Part]) throws(FormatError) -> [Part] {
        guard let first = parts.first else { throw FormatError(.shardMismatch, path: ".", problem: "no shards given", expected: "one folder per shard") }
        let count = first.shard.count
        var byIndex: [Int: Part] = [:]
        for part in parts {
            guard part.shard.count == count else {
                throw FormatError(
                    .shardMismatch, path: part.folder, problem: "is shard \(part.shard.index) of \(part.shard.count), but \(first.folder) is one of \(count)",
                    expected: "shards of one sweep, all of the same count")
            }
            if let other = byIndex[part.shard.index] {
                throw FormatError(
                    .shardMismatch, path: part.folder, problem: "is shard \(part.shard.index) of \(count), as is \(other.folder)", expected: "each shard once")
            }
            byIndex[part.shard.index] = part
            if let difference = difference(first.run, part.run) {
                throw FormatError(
                    .shardMismatch, path: part.folder, problem: "ran with other inputs or options than \(first.folder): \(difference)",
                    expected: "shards of one command line over the same files")
            }
            let expected = try! Shard(index: part.shard.index, count: count).sessions(ofTotal: part.run.sessions)  // checked in parts(_:)
            guard part.shard.firstSession == expected.lowerBound, part.shard.sessions == expected.count else {
                throw FormatError(
                    .shardMismatch, path: part.folder,
                    problem: "holds sessions \(part.shard.firstSession)..<\(part.shard.firstSession + part.shard.sessions), not \(expected)",
                    expected: "the sessions of shard \(part.shard.index) of \(count)")
            }
            try checkComplete(part)
        }
        let missing = (0..<count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            throw FormatError(
                .shardMismatch, path: first.folder,
                problem: "shard\(missing.count > 1 ? "s" : "") \(missing.map(String.init).joined(separator: ", ")) of \(count) not given",
                expected: "all \(count) shards (found \(byIndex.keys.sorted().map(String.init).joined(separator: ", ")))")
        }
        return (0..<count).map { byIndex[$0]! }
    }

    /// Checks the parts (``check(_:)``), then writes the merged set into the result folder
    /// `target` and commits it; nothing is written, and `target` is not locked, when a check fails.
    ///
    /// - Returns: the merged run (no `shard`) and the per-policy summary, rebuilt from the rows.
    public static func merge(_ parts: [Part], into target: String) throws(FormatError) -> (run: RunManifest, summaries: [PolicySummary]) {
        let parts = try check(parts)
        let writer = try ResultSetWriter(target: target)
        var summary = PolicySummary.Accumulator()
        try concatenate(parts, "sessions.csv", into: writer) { fields, line, columns throws(FormatError) in
            let row = try columns.read(fields, line: line)
            summary.add(policy: row.policy, row.metrics, capBoundSegments: row.capBoundSegments, live: row.live)
        }
        if parts[0].files["segments.csv"] != nil { try concatenate(parts, "segments.csv", into: writer, row: nil) }
        let summaries = summary.summaries
        try writer.write(ResultsCSV.summary(summaries), to: "summary.csv")
        var run = parts[0].run
        run.shard = nil
        try writer.commit(run: run)
        return (run, summaries)
    }

    /// The first field in which two runs differ, as `name: a vs b`; nil when they are the same sweep.
    static func difference(_ a: RunManifest, _ b: RunManifest) -> String? {
        var a = a, b = b
        a.shard = nil; b.shard = nil
        guard a != b else { return nil }
        let fields: [(String, String, String)] = [
            ("command", a.command, b.command), ("model", a.model, b.model), ("qoe", a.qoe, b.qoe),
            ("data cap", "\(a.dataCapGBPerHour.map(NumberFormat.shortest) ?? "none")", "\(b.dataCapGBPerHour.map(NumberFormat.shortest) ?? "none")"),
            ("policies", a.policies.joined(separator: ","), b.policies.joined(separator: ",")),
            ("video", "\(a.video.path) (\(a.video.fingerprint))", "\(b.video.path) (\(b.video.fingerprint))"),
            (
                "traces", "\(a.traces.files) files, \(a.traces.bytes) bytes, listing \(a.traces.listing)",
                "\(b.traces.files) files, \(b.traces.bytes) bytes, listing \(b.traces.listing)"
            ),
            ("sessions", String(a.sessions), String(b.sessions)),
        ]
        if let (name, x, y) = fields.first(where: { $0.1 != $0.2 }) { return "\(name) \(x) vs \(y)" }
        let options = zip(a.options, b.options).first { $0 != $1 }
        return options.map { "option \($0) vs \($1)" } ?? "options \(a.options) vs \(b.options)"
    }

    /// Every file the manifest lists exists with the size it lists (a shard killed mid-write never
    /// committed, but a folder copied half-way from a cluster could be short).
    private static func checkComplete(_ part: Part) throws(FormatError) {
        guard part.files["sessions.csv"] != nil else {
            throw FormatError(.shardMismatch, path: part.folder, problem: "its run.json lists no sessions.csv", expected: "a complete result set")
        }
        for (name, bytes) in part.files {
            let path = part.folder + "/" + name
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
            guard size == bytes else {
                throw FormatError(
                    .shardMismatch, path: path, problem: size.map { "holds \($0) bytes, but run.json lists \(bytes)" } ?? "is missing",
                    expected: "the complete file (copy the shard folder again)")
            }
        }
    }

    /// Writes `name`: the first shard's header, then every shard's rows in shard order, checking
    /// each header is the same and each shard has as many session rows as its manifest says.
    private static func concatenate(
        _ parts: [Part], _ name: String, into writer: ResultSetWriter,
        row: ((_ fields: [String], _ line: Int, _ columns: ResultsCSV.SummaryColumns) throws(FormatError) -> Void)?
    ) throws(FormatError) {
        let file = try writer.startFile(name)
        var csv = CSVBuffer()
        var header: ArraySlice<UInt8>?
        for part in parts {
            let path = part.folder + "/" + name
            guard part.files[name] != nil else {
                throw FormatError(
                    .shardMismatch, path: part.folder, problem: "has no \(name) but \(parts[0].folder) has", expected: "the same files in every shard")
            }
            let reader = try CSVRecordReader(path: path)
            guard let first = try reader.next() else { throw FormatError(.emptyFile, path: path, problem: "has no header", expected: "a CSV header") }
            if let header {
                guard header == first.raw else {
                    throw FormatError(
                        .shardMismatch, path: path, line: 1, problem: "its header differs from \(parts[0].folder)'s", expected: "the same columns")
                }
            } else {
                header = first.raw
                csv.bytes.append(contentsOf: first.raw)
            }
            let columns = try row.map { _ throws(FormatError) in try ResultsCSV.SummaryColumns(header: first.fields, path: path) }
            var rows = 0
            while let record = try reader.next(fields: row != nil) {
                if let row, let columns { try row(record.fields, reader.line, columns) }
                csv.bytes.append(contentsOf: record.raw)
                try file.drain(&csv)
                rows += 1
            }
            if row != nil, rows != part.shard.sessions {
                throw FormatError(
                    .shardMismatch, path: path, problem: "holds \(rows) session rows, but run.json says \(part.shard.sessions)",
                    expected: "the shard's sessions")
            }
        }
        try writer.finish(file, &csv)
    }
}
