import ABRSimulator
import Foundation

/// What a result set's `run.json` says of the run that wrote it: enough to tell whether two
/// folders came from the same inputs and options (so that `abrkit merge` can refuse shards that
/// did not), and to print the run's summary table again.
public struct RunManifest: Codable, Equatable, Sendable {
    /// The video as played.
    public struct VideoInput: Codable, Equatable, Sendable {
        public var path: String
        /// `Video.fingerprint` (ABRSimulator): levels, durations, sizes and quality, hashed.
        public var fingerprint: String
        public var segments: Int
        public var segmentSeconds: Double
        public var levels: Int

        public init(path: String, fingerprint: String, segments: Int, segmentSeconds: Double, levels: Int) {
            self.path = path; self.fingerprint = fingerprint; self.segments = segments; self.segmentSeconds = segmentSeconds; self.levels = levels
        }
        enum CodingKeys: String, CodingKey { case path, fingerprint, segments, segmentSeconds = "segment_seconds", levels }
    }

    /// The trace files of the whole sweep (every shard lists them all).
    public struct TraceInputs: Codable, Equatable, Sendable {
        public var files: Int
        public var bytes: Int
        /// FNV-1a over every file's name and size, in sweep order: a shard never reads the other
        /// shards' traces, but all agree on this when they were given the same set.
        public var listing: String

        public init(files: Int, bytes: Int, listing: String) { self.files = files; self.bytes = bytes; self.listing = listing }
    }

    /// Which part of the sweep a shard's folder holds.
    public struct ShardPart: Codable, Equatable, Sendable {
        public var index: Int
        public var count: Int
        public var firstSession: Int
        public var sessions: Int

        public init(index: Int, count: Int, firstSession: Int, sessions: Int) {
            self.index = index; self.count = count; self.firstSession = firstSession; self.sessions = sessions
        }
        enum CodingKeys: String, CodingKey { case index, count, firstSession = "first_session", sessions }
    }

    public var command: String
    public var model: String
    public var qoe: String
    public var dataCapGBPerHour: Double?
    public var policies: [String]
    /// Every other option that shapes the results, as `--name value`, in a fixed order.
    public var options: [String]
    public var video: VideoInput
    public var traces: TraceInputs
    /// Sessions in the whole sweep.
    public var sessions: Int
    /// Set for one shard of a sweep; absent for a whole run (and after `abrkit merge`).
    public var shard: ShardPart?

    public init(
        command: String = "simulate", model: String, qoe: String, dataCapGBPerHour: Double?, policies: [String], options: [String], video: VideoInput,
        traces: TraceInputs, sessions: Int, shard: ShardPart?
    ) {
        self.command = command; self.model = model; self.qoe = qoe; self.dataCapGBPerHour = dataCapGBPerHour; self.policies = policies
        self.options = options; self.video = video; self.traces = traces; self.sessions = sessions; self.shard = shard
    }

    enum CodingKeys: String, CodingKey {
        case command, model, qoe, dataCapGBPerHour = "data_cap_gb_per_hour", policies, options, video, traces, sessions, shard
    }

    /// The sweep's trace files' fingerprint: names and sizes, in order.
    public static func traceInputs(paths: [String]) throws(FormatError) -> TraceInputs {
        var hash = FNV1a()
        var total = 0
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw FormatError(.unreadable, path: path, problem: "cannot read its size: \(String(cString: strerror(errno)))")
            }
            let bytes = Int(status.st_size)
            hash.add(field: URL(fileURLWithPath: path).lastPathComponent)
            hash.add(word: UInt64(bytes))
            total += bytes
        }
        return TraceInputs(files: paths.count, bytes: total, listing: hash.hex)
    }

    /// The manifest as `run.json`'s `"run"` member: fixed key order, two-space indents.
    func json(indent: String) -> String {
        func string(_ s: String) -> String { JSONText.quoted(s) }
        func strings(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ", ") + "]" }
        var lines = [
            "\"command\": \(string(command))", "\"model\": \(string(model))", "\"qoe\": \(string(qoe))",
        ]
        if let dataCapGBPerHour { lines.append("\"data_cap_gb_per_hour\": \(NumberFormat.shortest(dataCapGBPerHour))") }
        lines += [
            "\"policies\": \(strings(policies))",
            "\"options\": \(strings(options))",
            "\"video\": {\"path\": \(string(video.path)), \"fingerprint\": \(string(video.fingerprint)), \"segments\": \(video.segments), "
                + "\"segment_seconds\": \(NumberFormat.shortest(video.segmentSeconds)), \"levels\": \(video.levels)}",
            "\"traces\": {\"files\": \(traces.files), \"bytes\": \(traces.bytes), \"listing\": \(string(traces.listing))}",
            "\"sessions\": \(sessions)",
        ]
        if let shard {
            lines.append(
                "\"shard\": {\"index\": \(shard.index), \"count\": \(shard.count), \"first_session\": \(shard.firstSession), \"sessions\": \(shard.sessions)}")
        }
        return "{\n" + lines.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "}"
    }

    /// The `"run"` member of a result folder's `run.json`.
    ///
    /// - Throws: `FormatError` naming the file when it is missing, not JSON, or has no `"run"`
    ///   (a folder written before abrkit recorded runs).
    public static func read(folder: String) throws(FormatError) -> (files: [String: Int], run: RunManifest) {
        struct File: Decodable { var name: String; var bytes: Int }
        struct Document: Decodable { var format: String; var files: [File]; var run: RunManifest? }
        let path = folder + "/" + ResultSetWriter.manifestName
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw FormatError(.fileNotFound, path: path, problem: "no run.json: not a finished result set", expected: "a folder abrkit simulate --out wrote")
        } catch {
            throw FormatError(.invalidJSON, path: path, problem: "not a run.json abrkit can read: \(error)", expected: "a run.json written by abrkit")
        }
        guard let run = document.run else {
            throw FormatError(
                .invalidJSON, path: path, problem: "has no \"run\" description (written by an older abrkit)", expected: "a result set of this abrkit version")
        }
        return (Dictionary(document.files.map { ($0.name, $0.bytes) }, uniquingKeysWith: { a, _ in a }), run)
    }
}
