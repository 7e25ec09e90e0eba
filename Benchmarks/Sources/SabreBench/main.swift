// SabreBench: the `sabre` reference model over Sabre's 3G trace set × all five policies, timed,
// and (when /tmp/sabre/sabre.py exists) sabre.py on the same runs, for the speed ratio.
//
// Usage: swift run -c release SabreBench [DATA_DIR] [--dump OUT_DIR] [--set 3g|4g] [--video bbb|bbb4k]
//   DATA_DIR defaults to ../../shared/data (relative to Benchmarks/), as the tests use.
//   --dump writes each run's report (sabre.py's printed text) to OUT_DIR/<trace>.<policy>.txt;
//   --dump-exact writes every metric with 17 significant digits instead (to compare bit for bit
//   with a copy of sabre.py whose `%f` and `%d` are replaced by `%.17g`).
import ABRReference
import ABRSimulator
import Foundation

struct BenchError: Error, CustomStringConvertible {
    var description: String
}

func loadJSON(_ path: String) throws -> Any {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try JSONSerialization.jsonObject(with: data)
}

func number(_ any: Any?, _ what: String, _ path: String) throws -> Double {
    guard let n = any as? NSNumber else { throw BenchError(description: "\(path): \(what) is not a number") }
    return n.doubleValue
}

func loadNetwork(_ path: String) throws -> SabreNetwork {
    guard let rows = try loadJSON(path) as? [[String: Any]] else { throw BenchError(description: "\(path): expected an array of periods") }
    return try SabreNetwork(
        periods: rows.enumerated().map { i, row in
            SabreNetwork.Period(
                durationMs: try number(row["duration_ms"], "period \(i) duration_ms", path),
                bandwidthKbps: try number(row["bandwidth_kbps"], "period \(i) bandwidth_kbps", path),
                latencyMs: try number(row["latency_ms"], "period \(i) latency_ms", path))
        })
}

func loadMovie(_ path: String) throws -> SabreMovie {
    guard let obj = try loadJSON(path) as? [String: Any],
        let rates = obj["bitrates_kbps"] as? [NSNumber],
        let sizes = obj["segment_sizes_bits"] as? [[NSNumber]]
    else { throw BenchError(description: "\(path): expected a Sabre movie") }
    return try SabreMovie(
        segmentDurationMs: try number(obj["segment_duration_ms"], "segment_duration_ms", path),
        bitratesKbps: rates.map(\.doubleValue),
        segmentSizesBits: sizes.map { $0.map(\.doubleValue) })
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}
let dumpDirectory = option("--dump")
let exactDirectory = option("--dump-exact")
let traceSet = option("--set") ?? "3g"
let videoName = option("--video") ?? (traceSet == "4g" ? "bbb4k" : "bbb")
let dataDirectory = arguments.first ?? "../../shared/data"

let traceDirectory = "\(dataDirectory)/traces/sabre-\(traceSet)"
let moviePath = "\(dataDirectory)/videos/sabre/\(videoName).json"
let traceFiles = try FileManager.default.contentsOfDirectory(atPath: traceDirectory)
    .filter { $0.hasSuffix(".json") }.sorted()
guard !traceFiles.isEmpty else { throw BenchError(description: "no traces in \(traceDirectory)") }
let movie = try loadMovie(moviePath)
let networks = try traceFiles.map { try loadNetwork("\(traceDirectory)/\($0)") }
let policies = SabrePolicyKind.allCases
let runs = traceFiles.count * policies.count
print("sabre model: \(traceFiles.count) traces (\(traceSet)) × \(policies.count) policies = \(runs) runs, movie \(videoName)")

if let dumpDirectory {
    try FileManager.default.createDirectory(atPath: dumpDirectory, withIntermediateDirectories: true)
    for (file, network) in zip(traceFiles, networks) {
        for policy in policies {
            let run = try SabreModel.run(network: network, movie: movie, policy: policy)
            let name = "\(dumpDirectory)/\(file.dropLast(5)).\(policy.rawValue).txt"
            try run.metrics.report.write(toFile: name, atomically: true, encoding: .utf8)
        }
    }
    print("reports written to \(dumpDirectory)")
}

if let exactDirectory {
    try FileManager.default.createDirectory(atPath: exactDirectory, withIntermediateDirectories: true)
    for (file, network) in zip(traceFiles, networks) {
        for policy in policies {
            let metrics = try SabreModel.run(network: network, movie: movie, policy: policy).metrics
            let text = metrics.columns.map { String(format: "%@ %.17g\n", $0.name, $0.value) }.joined()
            try text.write(toFile: "\(exactDirectory)/\(file.dropLast(5)).\(policy.rawValue).txt", atomically: true, encoding: .utf8)
        }
    }
    print("exact values written to \(exactDirectory)")
}

// Swift: best of 5 passes over all runs, one thread; wall time and CPU time (this process).
func cpuSeconds(children: Bool) -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
}
let passes = Int(ProcessInfo.processInfo.environment["SABRE_BENCH_PASSES"] ?? "") ?? 5
var checksum = 0.0
var bestWall = Double.infinity
var bestCPU = Double.infinity
let clock = ContinuousClock()
for _ in 0..<passes {
    let cpuStart = cpuSeconds(children: false)
    let elapsed = try clock.measure {
        for network in networks {
            for policy in policies {
                checksum += try SabreModel.run(network: network, movie: movie, policy: policy).metrics.timeAverageScore
            }
        }
    }
    bestCPU = min(bestCPU, cpuSeconds(children: false) - cpuStart)
    bestWall = min(bestWall, seconds(elapsed))
}
print(
    String(
        format: "swift:    %.4f s wall, %.4f s CPU for %d runs: %.1f µs wall, %.1f µs CPU per run (best of %d; checksum %.6f)",
        bestWall, bestCPU, runs, bestWall / Double(runs) * 1e6, bestCPU / Double(runs) * 1e6, passes, checksum / Double(passes)))

// sabre.py, side by side: one process per run, as Sabre is used; wall time and the children's CPU time.
let sabrePath = "/tmp/sabre/sabre.py"
if FileManager.default.fileExists(atPath: sabrePath) {
    var pythonWall = 0.0
    let childrenStart = cpuSeconds(children: true)
    for file in traceFiles {
        for policy in policies {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", sabrePath, "-n", "\(traceDirectory)/\(file)", "-m", moviePath, "-a", policy.rawValue]
            process.standardOutput = FileHandle.nullDevice
            let start = clock.now
            try process.run()
            process.waitUntilExit()
            pythonWall += seconds(clock.now - start)
        }
    }
    let pythonCPU = cpuSeconds(children: true) - childrenStart
    print(
        String(
            format: "sabre.py: %.2f s wall, %.2f s CPU for %d runs: %.1f ms wall, %.1f ms CPU per run",
            pythonWall, pythonCPU, runs, pythonWall / Double(runs) * 1e3, pythonCPU / Double(runs) * 1e3))
    print(String(format: "ratio:    %.0f× (wall), %.0f× (CPU)", pythonWall / bestWall, pythonCPU / bestCPU))
} else {
    print("sabre.py not found at \(sabrePath): ratio not measured (copy src/sabre.py there to compare)")
}
