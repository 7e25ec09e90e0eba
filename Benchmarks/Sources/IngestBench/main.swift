// IngestBench: trace ingest throughput, the byte-level readers (`TraceReader.read`) beside the
// reference readers they replaced (`TraceReader.referenceRead`: the file as a `String`, `String`
// lines and fields, Foundation's JSON decoder), in one run, one thread.
//
// Usage (from Benchmarks/): swift run -c release IngestBench [--mb 50] [--repeat 3] [--data DIR]
//   Writes generated traces of about --mb MB per format with TraceWriter into a temporary folder
//   (removed at exit), reads each file --repeat times with both readers (alternating) and prints the
//   best MB/s of each. DIR (default ../../shared/data, relative to Benchmarks/) adds Pensieve's
//   HSDPA test set and Sabre's 3G and 4G sets when present. Both readers' periods are checked equal.
@_spi(Reference) import ABRFormats
import ABRSimulator
import Foundation

var megabytes = 50.0
var repeats = 3
var dataDir = "../../shared/data"
var newOnly = false  // --new-only: only the new readers (for a profiler)
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--mb": megabytes = Double(arguments.next() ?? "") ?? megabytes
    case "--repeat": repeats = Int(arguments.next() ?? "") ?? repeats
    case "--data": dataDir = arguments.next() ?? dataDir
    case "--new-only": newOnly = true
    default:
        print("usage: IngestBench [--mb MB] [--repeat N] [--data DIR]")
        exit(2)
    }
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func bits(_ traces: [BandwidthTrace]) -> [UInt64] {
    traces.flatMap { $0.periods.flatMap { [$0.durationSeconds.bitPattern, $0.bitsPerSecond.bitPattern, $0.latencySeconds.bitPattern] } }
}

/// Best seconds of `repeats` runs of each reader over `files`, alternating old and new.
@MainActor func measure(_ name: String, files: [String]) throws {
    let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    var best = (old: Double.infinity, new: Double.infinity)
    var results = (old: [BandwidthTrace](), new: [BandwidthTrace]())
    for _ in 0..<repeats {
        var start = now()
        if !newOnly {
            results.old = try files.map { try TraceReader.referenceRead(path: $0) }
            best.old = min(best.old, now() - start)
        }
        start = now()
        results.new = try files.map { try TraceReader.read(path: $0) }
        best.new = min(best.new, now() - start)
    }
    guard newOnly || bits(results.old) == bits(results.new) else {
        print("\(name): the readers disagree")
        exit(1)
    }
    let mb = Double(bytes) / 1e6
    let line = [
        name.padding(toLength: 44, withPad: " ", startingAt: 0), String(format: "%8.1f MB", mb), String(format: "%5d files", files.count),
        String(format: "%10.1f MB/s", mb / best.old), String(format: "%10.1f MB/s", mb / best.new), String(format: "%7.1f×", best.old / best.new),
    ]
    print(line.joined(separator: " "))
}

/// A generated trace with `count` periods: whole-second durations (1–5 s), whole-kbit/s
/// bandwidths (0.1–20 Mbit/s) and whole-ms latencies, so every format prints it exactly; or, with
/// `noisyTimes`, whole-ms durations whose running sums print with up to 17 digits.
func generated(_ count: Int, seed: UInt64, noisyTimes: Bool = false) throws -> BandwidthTrace {
    var rng = SplitMix64(seed: seed)
    let periods = (0..<count).map { _ in
        TracePeriod(
            durationSeconds: noisyTimes ? Double(1 + rng.next() % 5000) / 1000 : Double(1 + rng.next() % 5),
            bitsPerSecond: Double(100 + rng.next() % 19_900) * 1000, latencySeconds: Double(20 + rng.next() % 180) / 1000)
    }
    return try BandwidthTrace(name: "generated", periods: periods)
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("abrkit-ingest-\(getpid())").path
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }

let target = megabytes * 1e6
// Bytes per period of each format for the generated trace, roughly: cooked 13, csv 17, sabre 66.
let cases: [(name: String, format: TraceFormat, trace: () throws -> BandwidthTrace)] = [
    ("cooked (whole s, kbit/s)", .cooked, { try generated(Int(target / 13), seed: 1) }),
    ("cooked, ms steps (17-digit times)", .cooked, { try generated(Int(target / 20), seed: 2, noisyTimes: true) }),
    ("csv", .csv, { try generated(Int(target / 17), seed: 3) }),
    ("sabre json", .sabre, { try generated(Int(target / 66), seed: 4) }),
    (
        "mahimahi", .mahimahi,
        {
            // 7-byte lines: about 7 packets per ms over a loop of target/7/7 ms.
            var rng = SplitMix64(seed: 5)
            let seconds = Int(target / 49 / 1000)
            return try BandwidthTrace(
                name: "mahimahi",
                periods: (0..<seconds).map { _ in TracePeriod(durationSeconds: 1, bitsPerSecond: Double(60 + rng.next() % 48) * 1e6) })
        }
    ),
]

print("IngestBench: \(repeats) runs each, best time, one thread; old = TraceReader.referenceRead, new = TraceReader.read")
print(
    ["input".padding(toLength: 44, withPad: " ", startingAt: 0), "     size", "     files", "          old", "          new", " speed-up"].joined(
        separator: " "))
for (name, format, make) in cases {
    let path = scratch + "/" + format.rawValue
    try TraceWriter.write(try make(), format: format, to: path)
    try measure("generated \(name)", files: [path])
    try FileManager.default.removeItem(atPath: path)
}
for folder in ["pensieve-hsdpa-test", "sabre-3g", "sabre-4g"] {
    let path = dataDir + "/traces/" + folder
    guard FileManager.default.fileExists(atPath: path) else {
        print("\(path): absent, skipped")
        continue
    }
    try measure("shared \(folder)", files: try TraceReader.files(at: path))
}
