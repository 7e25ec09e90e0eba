#if FFmpeg
import ABRFormats
import Foundation
import TestSupport
import Testing

@testable import EncodingLadder
@testable import LadderCore

@Suite struct PerTitleGridTests {
    @Test func theLadderHoldsEveryPointResolutionsThenBitratesAscending() throws {
        let grid = PerTitleGrid(
            resolutions: [.init(width: 640, height: 360), .init(width: 320, height: 180)], bitratesKbps: [800, 200], segmentSeconds: 2)
        let ladder = try grid.ladder()
        #expect(ladder.rungs.map(\.name) == ["180p-200k", "180p-800k", "360p-200k", "360p-800k"])
        #expect(ladder.segmentSeconds == 2)
        // Capped VBR: 800 kbps target → 1200 kbps cap over a 1 s buffer of 1200 kbit.
        let rung = ladder.rungs[1]
        #expect((rung.bitrateKbps, rung.maxrateKbps, rung.bufsizeKbits) == (800, 1200, 1200))
        #expect(rung.preset == PerTitleGrid.defaultPreset && rung.codec == .libx264)
    }

    @Test(arguments: [
        PerTitleGrid(resolutions: [], bitratesKbps: [100]),
        PerTitleGrid(resolutions: [.init(width: 320, height: 180)], bitratesKbps: []),
        PerTitleGrid(resolutions: [.init(width: 320, height: 181)], bitratesKbps: [100]),
        PerTitleGrid(resolutions: [.init(width: 320, height: 180)], bitratesKbps: [0]),
        PerTitleGrid(resolutions: [.init(width: 320, height: 180), .init(width: 320, height: 180)], bitratesKbps: [100]),
        PerTitleGrid(resolutions: [.init(width: 320, height: 180)], bitratesKbps: [100, 100]),
    ])
    func badGridsAreRejected(grid: PerTitleGrid) {
        #expect(throws: LadderSpecError.self) { try grid.ladder() }
    }

    /// What `abrkit hull` writes as per-title-ladder.json loads back as the same ladder.
    @Test func aGridLadderRoundTripsThroughItsJSONFile() throws {
        let ladder = try PerTitleGrid(resolutions: [.init(width: 320, height: 180)], bitratesKbps: [150, 450]).ladder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let scratch = try TemporaryDirectory()
        let path = scratch.path("per-title-ladder.json")
        try encoder.encode(ladder).write(to: URL(fileURLWithPath: path))
        #expect(try LadderSpec.load(nameOrPath: path, searchDirectory: "ladders") == ladder)
    }
}
#endif
