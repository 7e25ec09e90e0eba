import ABRSimulator
import ArgumentParser

/// The simulated player's buffer, startup and abandonment settings.
///
/// The numbers are parsed `.unconditional`ly, so that `--startup -1` reaches ``validate()`` and
/// gets a real message instead of argument-parser's "Missing value" (it would take `-1` for an option).
struct PlayerOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Maximum buffer, seconds (Pensieve's 60 s by default).", valueName: "s"))
    var maxBuffer: Double = PlayerConfiguration.defaultMaxBufferSeconds

    @Option(parsing: .unconditional, help: ArgumentHelp("Start playback once this much is buffered, seconds (default: one segment).", valueName: "s"))
    var startup: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Offer in-flight downloads to the policy for abandonment every this many seconds, at least "
                + "\(NumberFormat.shortest(PlayerConfiguration.minimumAbandonmentCheckSeconds)) (default: off).", valueName: "s"))
    var abandonmentCheck: Double?

    /// True when any option differs from its default.
    var isCustomized: Bool { maxBuffer != PlayerConfiguration.defaultMaxBufferSeconds || startup != nil || abandonmentCheck != nil }

    func validate() throws {
        guard maxBuffer.isFinite, maxBuffer > 0 else { throw ValidationError("--max-buffer \(maxBuffer): expected a positive number of seconds") }
        if let startup, !(startup.isFinite && startup >= 0) {
            throw ValidationError("--startup \(startup): expected a number of seconds ≥ 0 (at most --max-buffer)")
        }
        if let abandonmentCheck, !(abandonmentCheck.isFinite && abandonmentCheck >= PlayerConfiguration.minimumAbandonmentCheckSeconds) {
            throw ValidationError(
                "--abandonment-check \(abandonmentCheck): expected at least \(NumberFormat.shortest(PlayerConfiguration.minimumAbandonmentCheckSeconds)) s "
                    + "(1 ms; the simulation's work grows as 1 ÷ interval)")
        }
    }

    func configuration() throws -> PlayerConfiguration {
        PlayerConfiguration(maxBufferSeconds: maxBuffer, startupSeconds: startup, abandonmentCheckSeconds: abandonmentCheck)
    }
}
