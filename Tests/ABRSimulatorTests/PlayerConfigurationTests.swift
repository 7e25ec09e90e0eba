import Testing

@testable import ABRSimulator

/// `PlayerConfiguration.validate(for:)`: the abandonment check's lower bound, for library users as for the CLI.
@Suite struct PlayerConfigurationTests {
    @Test(arguments: [PlayerConfiguration.minimumAbandonmentCheckSeconds, 0.05, 4, 1e9])
    func anAbandonmentCheckOfOneMillisecondOrMoreIsAccepted(seconds: Double) throws {
        try PlayerConfiguration(abandonmentCheckSeconds: seconds).validate(for: try cbrVideo(mbps: [1], segments: 2))
    }

    @Test(arguments: [PlayerConfiguration.minimumAbandonmentCheckSeconds.nextDown, 0.000_999, 1e-9, 0, -1, .nan, .infinity])
    func anAbandonmentCheckBelowOneMillisecondIsRejected(seconds: Double) throws {
        let video = try cbrVideo(mbps: [1], segments: 2)
        #expect {
            try PlayerConfiguration(abandonmentCheckSeconds: seconds).validate(for: video)
        } throws: { error in
            let error = error as? ModelError
            return error?.code == .invalidConfiguration && error?.message.contains("≥ 0.001 s") == true
        }
    }

    @Test func theMinimumIsOneMillisecond() {
        #expect(PlayerConfiguration.minimumAbandonmentCheckSeconds == 0.001)
    }

    @Test func aSessionWithAOneMillisecondCheckAbandonsAndFinishes() throws {
        // 8 Mbit at 1 Mbit/s takes 8 s: the first check (1 ms in) abandons to level 0.
        let video = try cbrVideo(mbps: [1, 8], segments: 2)
        var session = try PlaybackSession(
            video: video, trace: try constantTrace(mbps: 1), policy: AbandoningPolicy(level: 1, abandonTo: 0),
            configuration: PlayerConfiguration(abandonmentCheckSeconds: PlayerConfiguration.minimumAbandonmentCheckSeconds))
        let result = runChecked(&session)
        #expect(result.segments.map(\.level) == [0, 0])
        #expect(result.requests.filter(\.abandoned).count == 2)
    }
}
