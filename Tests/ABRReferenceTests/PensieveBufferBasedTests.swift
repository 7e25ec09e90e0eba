import Testing

@testable import ABRReference
@testable import ABRSimulator

@Suite("PensieveBufferBased")
struct PensieveBufferBasedTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var bufferSeconds: Double
        var level: Int
        var testDescription: String { "\(bufferSeconds) s → level \(level)" }
    }

    /// Reservoir 5 s, cushion 10 s, 6 levels: level k from 5 + 2k s, the top level from 15 s.
    @Test(
        "bb.py's map at the reservoir, the steps and the cushion, on both sides",
        arguments: [
            Case(bufferSeconds: 0, level: 0), Case(bufferSeconds: 4.999, level: 0), Case(bufferSeconds: 5, level: 0),
            Case(bufferSeconds: 6.999, level: 0), Case(bufferSeconds: 7, level: 1), Case(bufferSeconds: 8.999, level: 1),
            Case(bufferSeconds: 9, level: 2), Case(bufferSeconds: 11, level: 3), Case(bufferSeconds: 13, level: 4),
            Case(bufferSeconds: 14.999, level: 4), Case(bufferSeconds: 15, level: 5), Case(bufferSeconds: 60, level: 5),
        ])
    func map(_ c: Case) {
        #expect(PensieveBufferBased(levelCount: 6).level(bufferSeconds: c.bufferSeconds) == c.level)
    }

    @Test("each decision names the zone of the map and the buffer")
    func reasons() {
        let bba = PensieveBufferBased(levelCount: 6)
        #expect(bba.decision(bufferSeconds: 4.5).reason == DecisionReason("bb.reservoir", "buffer_s", 4.5))
        #expect(bba.decision(bufferSeconds: 10).reason == DecisionReason("bb.cushion", "buffer_s", 10))
        #expect(bba.decision(bufferSeconds: 15).reason == DecisionReason("bb.upper", "buffer_s", 15))
    }

    @Test("the map follows the level count: 3 levels step every 5 s")
    func otherLevelCount() {
        let bba = PensieveBufferBased(levelCount: 3)
        #expect(bba.level(bufferSeconds: 9.999) == 0)
        #expect(bba.level(bufferSeconds: 10) == 1)
        #expect(bba.level(bufferSeconds: 14.999) == 1)
        #expect(bba.level(bufferSeconds: 15) == 2)
    }
}
