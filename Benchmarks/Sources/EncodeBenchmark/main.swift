import ABRFormats
import EncodingLadder
import Foundation
import LadderCore

// Encodes one source with one ladder twice, side by side in one run: with the ffmpeg CLI in a single
// process (split + scale + the same x264 settings, fragmented MP4 out) and with abrkit's pipeline
// (in this process), then prints CPU time, wall time and bytes per rung for both.
//
// Usage: EncodeBenchmark [source.mp4] [--ladder NAME|FILE] [--threads plan|N] [--repeat R]
//   Without a source, makes a 10 s 1920x1080 30 fps test clip (testsrc2 + temporal noise) with ffmpeg.
//   --threads: x264 threads per rung in both encoders: N gives every rung N threads (default: abrkit encode's
//   default, 1; 0 = x264's choice); "plan" (abrkit encode --sliced-threads) gives each rung EncoderThreadPlan's sliced threads.
//   --repeat: rounds (default 3), alternating which encoder goes first; medians are reported.

struct Measurement {
    var wallSeconds: Double
    var cpuSeconds: Double
    var bytesPerRung: [String: Int]
}

func cpuSeconds(_ who: __rusage_who) -> Double {
    var usage = rusage()
    getrusage(who.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func run(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw NSError(
            domain: "EncodeBenchmark", code: Int(process.terminationStatus),
            userInfo: [NSLocalizedDescriptionKey: "\(arguments.prefix(3).joined(separator: " ")) … failed"])
    }
}

func fileSize(_ url: URL) -> Int { ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0 }

func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
}
func padded(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
func right(_ text: String, _ width: Int) -> String { text.count >= width ? text : String(repeating: " ", count: width - text.count) + text }

var arguments = Array(CommandLine.arguments.dropFirst())
let ladderName = option("--ladder", in: &arguments) ?? "sd-hd-4k"
let threadsArgument = option("--threads", in: &arguments) ?? String(EncodeOptions.reproducibleEncoderThreads)
let repeats = Int(option("--repeat", in: &arguments) ?? "3") ?? 3
let threads: Int? = threadsArgument == "plan" ? nil : Int(threadsArgument)
let work = FileManager.default.temporaryDirectory.appendingPathComponent("abrkit-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

let source: String
if let given = arguments.first {
    source = given
} else {
    source = work.appendingPathComponent("source.mp4").path
    try run([
        "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30,noise=alls=12:allf=t",
        "-t", "10", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "10", "-pix_fmt", "yuv420p", source,
    ])
}
EncodingProcess.prepare()  // errors-only libav* logging and the deterministic heap, as `abrkit encode`
let ladder = try LadderSpec.load(nameOrPath: ladderName, searchDirectory: "ladders")

// Probe the source size and rate with ffprobe to pick the same rungs and GOP as abrkit.
let probe = Process()
let pipe = Pipe()
probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
probe.arguments = ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,avg_frame_rate", "-of", "csv=p=0", source]
probe.standardOutput = pipe
try probe.run()
probe.waitUntilExit()
let fields = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
let sourceWidth = Int(fields[0]) ?? 0, sourceHeight = Int(fields[1]) ?? 0
let rateParts = fields[2].split(separator: "/").compactMap { Double($0) }
let framesPerSecond = rateParts.count == 2 ? rateParts[0] / rateParts[1] : 30
let gop = Int((ladder.segmentSeconds * framesPerSecond).rounded())
let rungs = ladder.rungs.filter { $0.width <= sourceWidth && $0.height <= sourceHeight }

// 1. The ffmpeg CLI: one process, one decode, split into scaled branches, one x264 per rung.
let cliDirectory = work.appendingPathComponent("cli")
try FileManager.default.createDirectory(at: cliDirectory, withIntermediateDirectories: true)
var filter = "[0:v]split=\(rungs.count)" + rungs.indices.map { "[s\($0)]" }.joined() + ";"
filter += rungs.enumerated().map { index, rung in "[s\(index)]scale=\(rung.width):\(rung.height):flags=bicubic[o\(index)]" }
    .joined(separator: ";")
var cli = ["ffmpeg", "-v", "error", "-y", "-i", source, "-filter_complex", filter]
for (index, rung) in rungs.enumerated() {
    let planned = EncoderThreadPlan.threads(for: rung, in: rungs)
    cli += ["-map", "[o\(index)]", "-c:v", "libx264", "-threads", String(threads ?? planned)]
    if let preset = rung.preset { cli += ["-preset", preset] }
    if let profile = rung.profile { cli += ["-profile:v", profile] }
    if let bitrate = rung.bitrateKbps { cli += ["-b:v", "\(bitrate)k"] }
    if let maxrate = rung.maxrateKbps { cli += ["-maxrate", "\(maxrate)k"] }
    if let bufsize = rung.bufsizeKbits { cli += ["-bufsize", "\(bufsize)k"] }
    if let crf = rung.crf { cli += ["-crf", String(crf)] }
    let sliced = threads == nil && planned > 1 ? ":sliced-threads=1" : ""
    cli += [
        "-x264-params", "keyint=\(gop):min-keyint=\(gop):scenecut=0:open-gop=0" + sliced, "-forced-idr", "1",
        "-force_key_frames", "expr:eq(mod(n,\(gop)),0)",
        "-movflags", "frag_keyframe+empty_moov+default_base_moof", "-f", "mp4",
        cliDirectory.appendingPathComponent("\(rung.name).mp4").path,
    ]
}
@MainActor func runCLI() throws -> Measurement {
    let cpuBefore = cpuSeconds(RUSAGE_CHILDREN)
    let start = Date()
    try run(cli)
    return Measurement(
        wallSeconds: Date().timeIntervalSince(start), cpuSeconds: cpuSeconds(RUSAGE_CHILDREN) - cpuBefore,
        bytesPerRung: Dictionary(uniqueKeysWithValues: rungs.map { ($0.name, fileSize(cliDirectory.appendingPathComponent("\($0.name).mp4"))) }))
}

// 2. abrkit: decode once, scale and encode every rung concurrently, CMAF segments.
let abrkitDirectory = work.appendingPathComponent("abrkit")
@MainActor func runAbrkit() throws -> Measurement {
    let cpuBefore = cpuSeconds(RUSAGE_SELF)
    let start = Date()
    let report = try EncodeJob(
        options: EncodeOptions(
            input: .file(path: source), ladder: ladder, outputDirectory: abrkitDirectory,
            measureQuality: false, encoderThreads: threads)
    ).run()
    return Measurement(
        wallSeconds: Date().timeIntervalSince(start), cpuSeconds: cpuSeconds(RUSAGE_SELF) - cpuBefore,
        bytesPerRung: Dictionary(uniqueKeysWithValues: report.rungs.map { ($0.rung.name, $0.initSegmentBytes + $0.mediaBytes) }))
}

// Alternate the order each round (CLI first, then abrkit first, …) so drifting machine load hits both; report medians.
var cliRuns: [Measurement] = [], abrkitRuns: [Measurement] = []
for round in 0..<max(1, repeats) {
    if round % 2 == 0 {
        cliRuns.append(try runCLI()); abrkitRuns.append(try runAbrkit())
    } else {
        abrkitRuns.append(try runAbrkit()); cliRuns.append(try runCLI())
    }
}
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
let cliResult = Measurement(
    wallSeconds: median(cliRuns.map(\.wallSeconds)), cpuSeconds: median(cliRuns.map(\.cpuSeconds)),
    bytesPerRung: cliRuns[0].bytesPerRung)
let abrkitResult = Measurement(
    wallSeconds: median(abrkitRuns.map(\.wallSeconds)), cpuSeconds: median(abrkitRuns.map(\.cpuSeconds)),
    bytesPerRung: abrkitRuns[0].bytesPerRung)
for (index, (cliRun, abrkitRun)) in zip(cliRuns, abrkitRuns).enumerated() {
    print(
        String(
            format: "round %d: CLI %.2f s CPU %.2f s wall, abrkit %.2f s CPU %.2f s wall", index + 1,
            cliRun.cpuSeconds, cliRun.wallSeconds, abrkitRun.cpuSeconds, abrkitRun.wallSeconds))
}

print(
    "source \(source) \(sourceWidth)x\(sourceHeight) @ \(String(format: "%.3f", framesPerSecond)) fps, ladder \(ladder.name), "
        + "\(rungs.count) rungs, GOP \(gop), x264 threads per rung \(threads.map(String.init) ?? "planned: " + rungs.map { String(EncoderThreadPlan.threads(for: $0, in: rungs)) }.joined(separator: "/") + " sliced"), "
        + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
print("medians of \(cliRuns.count) rounds")
print(padded("", 10) + right("CPU s", 10) + right("wall s", 10) + right("CPU/wall", 10))
for (name, result) in [("ffmpeg CLI", cliResult), ("abrkit", abrkitResult)] {
    print(
        padded(name, 10) + right(String(format: "%.2f", result.cpuSeconds), 10) + right(String(format: "%.2f", result.wallSeconds), 10)
            + right(String(format: "%.2f", result.cpuSeconds / result.wallSeconds), 10))
}
print(String(format: "abrkit/CLI: CPU %.3f, wall %.3f", abrkitResult.cpuSeconds / cliResult.cpuSeconds, abrkitResult.wallSeconds / cliResult.wallSeconds))
print(padded("rung", 8) + right("CLI bytes", 13) + right("abrkit bytes", 13) + right("diff %", 9))
for rung in rungs {
    let cliBytes = cliResult.bytesPerRung[rung.name] ?? 0, ours = abrkitResult.bytesPerRung[rung.name] ?? 0
    let difference = cliBytes > 0 ? (Double(ours) / Double(cliBytes) - 1) * 100 : .nan
    print(padded(rung.name, 8) + right(String(cliBytes), 13) + right(String(ours), 13) + right(String(format: "%+.2f", difference), 9))
}
