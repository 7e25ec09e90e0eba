// SimulatorBenchmarks: abrkit's engine, trace reader and reference models on package-benchmark.
//
//   cd Benchmarks
//   swift package benchmark --target SimulatorBenchmarks              # every benchmark
//   swift package benchmark --target SimulatorBenchmarks --filter 'PlaybackSession/.*'
//
// Everything here is generated in-process from fixed seeds (no files from ../shared/data), so each
// run does the same work: mallocCountTotal, and instructions where the CPU's counters are
// readable (Linux perf_events; not in a VM without a PMU), repeat run to run and are the figures
// to compare between commits; wallClock and throughput depend on the machine and its load.
// cpuTotal is read from the kernel's scheduler ticks (10 ms on Linux), so it is measured only
// for the batches, whose iterations take over 100 ms. Comparisons with other programs (Pensieve's
// and Sabre's Python, the ffmpeg CLI) are the executables in Sources/, which run both sides in
// one process and print ratios.
import ABRFormats
import ABRReference
import ABRSimulator
import Benchmark
import Foundation

// MARK: - Inputs (built once, on first use)

/// Pensieve's Envivio ladder (300–4300 kbit/s), 4-s segments, 150 segments (10 minutes): sizes vary
/// ±25 % around the nominal bitrate by a fixed pattern, so the policies see a VBR title.
let video: Video = {
    let kbps: [Double] = [300, 750, 1200, 1850, 2850, 4300]
    let segmentSeconds = 4.0
    let sizes = (0..<150).map { segment in
        let factor = 1 + 0.25 * sin(Double(segment) * 0.37) * cos(Double(segment) * 0.11)
        return kbps.map { Int(($0 * 1000 * segmentSeconds / 8 * factor).rounded()) }
    }
    return try! Video(levels: kbps.map { Level(bitsPerSecond: $0 * 1000) }, segmentSeconds: segmentSeconds, segmentBytes: sizes)
}()

/// The project's trace set (`traces/`, `abrkit traces generate`): 55 traces of 5–10 minutes.
let projectTraces: [BandwidthTrace] = ProjectTraceSet.entries().map { try! $0.trace() }

/// One 10-minute 3G-like trace of the set (Markov-modulated, 1-s steps): `traces/3g-like-01`.
let threeGTrace: BandwidthTrace = projectTraces.first { $0.name == "3g-like-01" }!

/// The same trace as Pensieve's model reads it: the samples of its cooked text (`--model pensieve`).
let pensieveTrace: PensieveTrace = {
    let samples = try! CookedTrace.samples(parsing: CookedTrace.text(threeGTrace), path: threeGTrace.name)
    return try! PensieveTrace(times: samples.times, mbps: samples.mbps)
}()

/// The online policies: every catalog entry but the offline optimum, whose planning would dominate a batch.
let onlinePolicies = PolicyCatalog.entries.filter { $0.name != "optimal" }

/// A scratch folder for the trace-reading benchmarks, removed by their teardown.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("abrkit-benchmarks-\(getpid())").path
let cookedTracePath = scratch + "/3g-like-01"
let projectTraceFolder = scratch + "/traces"

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    // Most iterations take microseconds to a few tens of milliseconds, where cpuTotal would read
    // 0 or a 10-ms tick: it is measured only for the batches, whose CPU against wall time (with
    // two jobs, how much of the second core the batch used) means something.
    let metrics: [BenchmarkMetric] = [.wallClock, .instructions, .mallocCountTotal, .throughput]
    // `baseline check` gates only the deterministic metrics: the median allocation count must not
    // change at all, the median instruction count by at most 1 %; times are reported, never gated.
    let thresholds: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(absolute: [.p50: 0]),
        .instructions: BenchmarkThresholds(relative: [.p50: 1.0]),
        .wallClock: .none, .throughput: .none,
    ]
    Benchmark.defaultConfiguration = .init(
        metrics: metrics, warmupIterations: 1, maxDuration: .seconds(2), maxIterations: 1000, thresholds: thresholds)

    // One session per catalog policy: the policy is made (the optimum plans over the whole trace
    // here) and plays all 150 segments over the 3G-like trace.
    for entry in PolicyCatalog.entries {
        Benchmark("PlaybackSession/\(entry.name)/3g-like-01/150 segments") { benchmark in
            for _ in benchmark.scaledIterations {
                let policy = AnyPolicy(entry.make(PolicySetup(video: video, trace: threeGTrace)))
                var session = try PlaybackSession(video: video, trace: threeGTrace, policy: policy)
                blackHole(session.run())
            }
        }
    }

    // Many sessions: the 55 project traces × the 8 online policies, on one thread (the
    // deterministic figure) and on two (what `abrkit simulate --jobs 2` gets on this machine).
    for jobs in [1, 2] {
        Benchmark(
            "SimulationBatch/55 traces × \(onlinePolicies.count) policies/jobs \(jobs)",
            configuration: .init(
                metrics: metrics + [.cpuTotal], maxDuration: .seconds(5), maxIterations: 50,
                thresholds: thresholds.merging([.cpuTotal: .none]) { $1 })
        ) { benchmark in
            let batch = SimulationBatch(video: video, traces: projectTraces, policies: onlinePolicies)
            for _ in benchmark.scaledIterations {
                blackHole(try batch.run(jobs: jobs))
            }
        }
    }

    // Reading traces: one 600-line cooked file, format detected as `abrkit` does; and the
    // whole project set as `traces generate` writes it (55 cooked files and a README).
    Benchmark(
        "TraceReader.read/cooked/3g-like-01 (600 lines)",
        configuration: .init(
            setup: {
                try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
                try TraceWriter.write(threeGTrace, format: .cooked, to: cookedTracePath)
            },
            teardown: { try? FileManager.default.removeItem(atPath: scratch) })
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TraceReader.read(path: cookedTracePath))
        }
    }
    Benchmark(
        "TraceReader.readAll/cooked/project set (55 files)",
        configuration: .init(
            setup: { try TraceSetWriter.write(to: projectTraceFolder) },
            teardown: { try? FileManager.default.removeItem(atPath: scratch) })
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TraceReader.readAll(paths: [projectTraceFolder]))
        }
    }

    // The reference models on the same trace and title: Pensieve's (48 chunks, as its scripts
    // play) and Sabre's (the whole title), one session per policy.
    for policy in PensievePolicyKind.allCases {
        Benchmark("PensieveModel/\(policy.rawValue)/3g-like-01/48 chunks") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try PensieveModel.run(trace: pensieveTrace, video: video, policy: policy))
            }
        }
    }
    for policy in SabrePolicyKind.allCases {
        Benchmark("SabreModel/\(policy.rawValue)/3g-like-01/150 segments") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try SabreModel.run(network: threeGTrace.periods, video: video, policy: policy))
            }
        }
    }
}
