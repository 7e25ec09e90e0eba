// PolicyBench: times the default engine's policies on real data, one thread, side by side.
//
//   swift run -c release PolicyBench [--data DIR]
//
// 1. Every catalog policy over Pensieve's 142 HSDPA traces with its Envivio video (48 chunks),
//    the default model: sessions, decisions and CPU time per policy.
// 2. The offline optimum on a 600-segment × 10-level title over a 3G-like trace.
// --data  the shared data folder (default ../../shared/data from Benchmarks/)
import ABRFormats
import ABRSimulator
import Foundation

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

var data = "../../shared/data"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--data", let value = arguments.popFirst() {
        data = value
    } else {
        FileHandle.standardError.write(Data("usage: PolicyBench [--data DIR]\n".utf8))
        exit(2)
    }
}

do {
    let video = try VideoReader.read(path: data + "/videos/pensieve-envivo", segmentLimit: PensieveVideoFolder.pensievePlayedChunkCount)
    let traces = try TraceReader.readAll(paths: [data + "/traces/pensieve-hsdpa-test"])
    print("default model, \(traces.count) traces × \(video.segmentCount) segments (Pensieve's HSDPA set and video), one thread")
    for entry in PolicyCatalog.entries {
        let batch = SimulationBatch(video: video, traces: traces, policies: [entry])
        let start = cpuSeconds()
        let results = try batch.run(jobs: 1)
        let cpu = cpuSeconds() - start
        let decisions = results.reduce(0) { $0 + $1.segments.count }
        let qoe = results.reduce(0) { $0 + $1.metrics.qoe } / Double(results.count)
        print(
            "  \(entry.name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(decisions) decisions in \(String(format: "%.3f", cpu)) s CPU (mean QoE \(String(format: "%.2f", qoe)))"
        )
    }

    let levels = (0..<10).map { Level(bitsPerSecond: 300_000 * Double(1 << min($0, 6)) * (1 + Double($0) / 10)) }
    let long = try Video(constantBitrate: levels, segmentSeconds: 4, segmentCount: 600)
    let trace = try ProjectTraceSet.entries(seed: ProjectTraceSet.defaultSeed).first { $0.name.hasPrefix("3g-like") }!.trace()
    let start = cpuSeconds()
    let plan = OptimalPolicy(setup: PolicySetup(video: long, trace: trace)).plan
    print("optimal: \(plan.count) segments × \(levels.count) levels planned in \(String(format: "%.3f", cpuSeconds() - start)) s CPU")
} catch {
    FileHandle.standardError.write(Data("PolicyBench: \(error)\n".utf8))
    exit(1)
}
