import ABRSimulator
import ArgumentParser

/// The simulated player's buffer, startup and abandonment settings.
struct PlayerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Maximum buffer, seconds (Pensieve's 60 s by default).", valueName: "s"))
    var maxBuffer: Double = PlayerConfiguration.defaultMaxBufferSeconds

    @Option(help: ArgumentHelp("Start playback once this much is buffered, seconds (default: one segment).", valueName: "s"))
    var startup: Double?

    @Option(help: ArgumentHelp("Offer in-flight downloads to the policy for abandonment every this many seconds (default: off).", valueName: "s"))
    var abandonmentCheck: Double?

    /// True when any option differs from its default.
    var isCustomized: Bool { maxBuffer != PlayerConfiguration.defaultMaxBufferSeconds || startup != nil || abandonmentCheck != nil }

    func configuration() throws -> PlayerConfiguration {
        PlayerConfiguration(maxBufferSeconds: maxBuffer, startupSeconds: startup, abandonmentCheckSeconds: abandonmentCheck)
    }
}
