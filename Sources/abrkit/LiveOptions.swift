import ABRSimulator
import ArgumentParser

extension LiveConfiguration.CatchupMode: ExpressibleByArgument {}

/// `simulate --live`: replay the video as a live stream, with its target latency, parts and catch-up.
///
/// The numbers are parsed `.unconditional`ly so that `--target-latency -1` reaches ``validate()``.
struct LiveOptions: ParsableArguments {
    @Flag(help: "Play the video as a live stream joined at the live edge minus the target latency (docs/simulation.md, \"Live and low latency\").")
    var live = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Target live latency with --live, seconds (default: 4 segments, as dash.js).", valueName: "s"))
    var targetLatency: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "With --live, fetch CMAF parts of this duration as the encoder produces them (the video needs part sizes of that duration: "
                + "abrkit encode --part-seconds). Default: whole segments.", valueName: "s"))
    var partSeconds: Double?

    @Option(
        help: ArgumentHelp(
            "Playback-rate catch-up with --live: \(LiveConfiguration.CatchupMode.allCases.map(\.rawValue).joined(separator: ", ")) "
                + "(dash.js's default and LoL+ rules).", valueName: "mode"))
    var catchup: LiveConfiguration.CatchupMode?

    func validate() throws {
        if !live, targetLatency != nil || partSeconds != nil || catchup != nil {
            throw ValidationError("--target-latency, --part-seconds and --catchup apply to live runs; add --live")
        }
        if let targetLatency, !(targetLatency.isFinite && targetLatency > 0) {
            throw ValidationError("--target-latency \(targetLatency): expected a positive number of seconds")
        }
        if let partSeconds, !(partSeconds.isFinite && partSeconds > 0) {
            throw ValidationError("--part-seconds \(partSeconds): expected a positive number of seconds")
        }
        if let targetLatency, let partSeconds, targetLatency < partSeconds {
            throw ValidationError("--target-latency \(targetLatency) is below one part (--part-seconds \(partSeconds)); expected at least one part")
        }
    }

    /// The live settings, or `nil` for video on demand.
    var configuration: LiveConfiguration? {
        guard live else { return nil }
        return LiveConfiguration(targetLatencySeconds: targetLatency, partSeconds: partSeconds, catchup: catchup ?? .default)
    }

    /// The options as `run.json` records them: none in video on demand, so its manifest is unchanged.
    var recorded: [String] {
        guard live else { return [] }
        return [
            "--live", "--target-latency \(targetLatency.map(NumberFormat.shortest) ?? "four-segments")",
            "--part-seconds \(partSeconds.map(NumberFormat.shortest) ?? "whole-segments")", "--catchup \((catchup ?? .default).rawValue)",
        ]
    }
}
