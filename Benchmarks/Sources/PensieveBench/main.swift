// PensieveBench: times the `pensieve` reference model over Pensieve's 142 HSDPA test traces, and,
// given a folder where Pensieve's test scripts ran, checks every logged column of every trace and
// optionally times the scripts themselves.
//
//   swift run -c release PensieveBench [--data DIR] [--scripts DIR] [--run-python] [--repeat N]
//
// --data     the shared data folder (default ../../shared/data from Benchmarks/)
// --scripts  a folder with Pensieve's bb.py / mpc.py and their results/ logs (see
//            Tests/Fixtures/pensieve/README.md for how it is prepared)
// --run-python  also run `python3 bb.py` and `python3 mpc.py` there and report their times
import ABRReference
import ABRSimulator
import Foundation

struct Options {
    var data = "../../shared/data"
    var scripts: String?
    var runPython = false
    var repeats = 20
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--data": options.data = arguments.popFirst() ?? options.data
        case "--scripts": options.scripts = arguments.popFirst()
        case "--run-python": options.runPython = true
        case "--repeat": options.repeats = arguments.popFirst().flatMap { Int($0) } ?? options.repeats
        default:
            FileHandle.standardError.write("unknown argument \(argument)\n".data(using: .utf8)!)
            exit(2)
        }
    }
    return options
}

func lines(_ path: String) throws -> [[Substring]] {
    try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        .map { $0.split(whereSeparator: \.isWhitespace) }.filter { !$0.isEmpty }
}

struct InputError: Error, CustomStringConvertible { var description: String }

func loadTrace(_ path: String) throws -> PensieveTrace {
    var times: [Double] = [], mbps: [Double] = []
    for (i, fields) in try lines(path).enumerated() {
        guard fields.count >= 2, let t = Double(fields[0]), let b = Double(fields[1]) else {
            throw InputError(description: "\(path):\(i + 1): expected `time_s Mbit/s`")
        }
        times.append(t)
        mbps.append(b)
    }
    return try PensieveTrace(times: times, mbps: mbps)
}

func loadVideo(_ folder: String) throws -> Video {
    let columns = try PensieveQoE.envivioKbps.indices.map { level in
        try lines("\(folder)/video_size_\(level)").enumerated().map { i, fields in
            guard let bytes = Int(fields[0]) else { throw InputError(description: "\(folder)/video_size_\(level):\(i + 1): expected bytes") }
            return bytes
        }
    }
    let sizes = columns[0].indices.map { chunk in columns.map { $0[chunk] } }
    return try Video(levels: PensieveQoE.envivioKbps.map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: 4, segmentBytes: sizes)
}

func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `policy` over every trace `repeats` times; returns the results of one pass and the
/// per-pass wall and CPU times.
func time(_ policy: PensievePolicyKind, _ traces: [(String, PensieveTrace)], _ video: Video, repeats: Int) throws
    -> ([String: PensieveModel.Result], [Double], [Double])
{
    var results: [String: PensieveModel.Result] = [:]
    var walls: [Double] = [], cpus: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<repeats {
        let cpu0 = cpuSeconds()
        let start = clock.now
        var pass: [String: PensieveModel.Result] = [:]
        for (name, trace) in traces { pass[name] = try PensieveModel.run(trace: trace, video: video, policy: policy) }
        walls.append(seconds(clock.now - start))
        cpus.append(cpuSeconds() - cpu0)
        results = pass
    }
    return (results, walls, cpus)
}

/// Compares every column of every trace with the script's log; returns the number of mismatches.
func compare(_ policy: PensievePolicyKind, _ results: [String: PensieveModel.Result], logs: String) throws -> Int {
    let script = policy == .bb ? "bb" : "mpc"
    var mismatches = 0
    for (name, result) in results.sorted(by: { $0.key < $1.key }) {
        let rows = try lines("\(logs)/log_sim_\(script)_\(name)").filter { $0.count >= 7 }
        guard rows.count == result.chunks.count, let t0 = Double(rows[0][0]) else {
            print("  \(name): \(rows.count) log lines, expected \(result.chunks.count)")
            mismatches += 1
            continue
        }
        for (i, (row, chunk)) in zip(rows, result.chunks).enumerated() {
            // The scripts never reset time_stamp between traces: compare times from the first chunk.
            let loggedTimeMs = ((Double(row[0]) ?? .nan) - t0) * 1000
            let timeMs = chunk.timeMs - result.chunks[0].timeMs
            let exact =
                Double(row[1]) == chunk.bitrateKbps && Double(row[2]) == chunk.bufferSeconds
                && Double(row[3]) == chunk.rebufferSeconds && Int(row[4]) == chunk.chunkBytes
                && Double(row[5]) == chunk.delayMs && Double(row[6]) == chunk.reward
            if !exact || abs(loggedTimeMs - timeMs) > 1e-6 * max(1, timeMs) {
                if mismatches < 10 { print("  \(name) chunk \(i): log \(row.joined(separator: " ")) vs \(chunk)") }
                mismatches += 1
            }
        }
    }
    return mismatches
}

func runPython(_ script: String, in folder: String) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardOutput = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw InputError(description: "python3 \(script) exited with \(process.terminationStatus)") }
    return seconds(clock.now - start)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let options = parseOptions()
let traceFolder = "\(options.data)/traces/pensieve-hsdpa-test"
do {
    let names = try FileManager.default.contentsOfDirectory(atPath: traceFolder).sorted()
    let traces = try names.map { ($0, try loadTrace("\(traceFolder)/\($0)")) }
    let video = try loadVideo("\(options.data)/videos/pensieve-envivo")
    print("Pensieve reference model, \(traces.count) traces × \(PensieveConfiguration.defaultChunkCount) chunks, \(options.repeats) passes, 1 thread")
    for policy in PensievePolicyKind.allCases {
        let (results, walls, cpus) = try time(policy, traces, video, repeats: options.repeats)
        let reward = results.values.map(\.summary.publishedReward).reduce(0, +) / Double(results.count)
        print(
            String(
                format: "%@: wall median %.4f s (min %.4f s), CPU median %.4f s per pass; mean published reward %.4f",
                policy.rawValue, median(walls), walls.min() ?? 0, median(cpus), reward))
        if policy == .robustmpc {
            let decisions = results.count * (PensieveConfiguration.defaultChunkCount - 1)
            let nodes = results.values.map(\.searchNodes).reduce(0, +)
            print(
                String(
                    format: "  %d plan searches, %.1f tree nodes visited per search (the full tree has 9331)",
                    decisions, Double(nodes) / Double(decisions)))
        }
        if let scripts = options.scripts {
            if options.runPython {  // first, so that the comparison reads fresh logs
                let python = try runPython(policy == .bb ? "bb.py" : "mpc.py", in: scripts)
                print(
                    String(
                        format: "  python3 %@: %.1f s wall (%.0f× the Swift median)", policy == .bb ? "bb.py" : "mpc.py",
                        python, python / median(walls)))
            }
            let mismatches = try compare(policy, results, logs: "\(scripts)/results")
            print("  against \(scripts)/results: \(mismatches) mismatching chunks of \(results.count * PensieveConfiguration.defaultChunkCount)")
        }
    }
} catch {
    FileHandle.standardError.write("PensieveBench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
