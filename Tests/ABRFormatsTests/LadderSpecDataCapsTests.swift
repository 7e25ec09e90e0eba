import ABRSimulator
import Foundation
import Testing

@testable import ABRFormats
@testable import LadderCore

/// Classes by height, GB/h conversions, and cap verdicts at the boundary on both sides.
@Suite struct LadderSpecDataCapsTests {
    @Test(arguments: [(719, VideoClass.sd), (720, .hd), (1080, .hd), (1081, .uhd), (2160, .uhd), (240, .sd)])
    func classFollowsHeight(height: Int, expected: VideoClass) {
        #expect(VideoClass(height: height) == expected)
    }

    @Test func declaredClassOverridesHeight() {
        let rung = Rung(name: "scope", width: 1920, height: 800, bitrateKbps: 4000, declaredClass: .hd)
        #expect(rung.videoClass == .hd)
        #expect(Rung(name: "scope", width: 1920, height: 800, bitrateKbps: 4000).videoClass == .hd)
        #expect(Rung(name: "wide", width: 1920, height: 700, bitrateKbps: 4000).videoClass == .sd)
    }

    @Test func conversionsMatchHandArithmetic() {
        // 1000 kbit/s = 125 000 B/s = 0.45 GB/h.
        #expect(abs(DataRate.gbPerHour(kbps: 1000) - 0.45) < 1e-12)
        #expect(abs(DataRate.kbps(gbPerHour: 7) - 15_555.555_555) < 1e-3)
        #expect(DataRate.gbPerHour(bytes: 450_000_000, seconds: 3600) == 0.45)
    }

    @Test(arguments: [(VideoClass.sd, 1.0), (.hd, 3.0), (.uhd, 7.0)])
    func capBoundaryBothSides(videoClass: VideoClass, cap: Double) {
        let caps = DataCaps()
        let capKbps = DataRate.kbps(gbPerHour: cap)
        #expect(caps.verdict(gbPerHour: cap, videoClass: videoClass).withinCap, "exactly at the cap is within")
        #expect(
            caps.verdict(gbPerHour: DataRate.gbPerHour(kbps: capKbps.rounded(.down)), videoClass: videoClass).withinCap
        )
        #expect(
            !caps.verdict(gbPerHour: DataRate.gbPerHour(kbps: capKbps.rounded(.up)), videoClass: videoClass).withinCap
        )
        // In bytes: cap × 10⁹ bytes in one hour is within; one byte more is over.
        let atCap = Int(cap * 1e9)
        #expect(
            caps.verdict(gbPerHour: DataRate.gbPerHour(bytes: atCap, seconds: 3600), videoClass: videoClass).withinCap
        )
        #expect(
            !caps.verdict(gbPerHour: DataRate.gbPerHour(bytes: atCap + 1, seconds: 3600), videoClass: videoClass)
                .withinCap
        )
    }

    @Test func uhdCapSitsBetween15555And15556Kbps() {
        let verdictBelow = DataCaps().verdict(gbPerHour: DataRate.gbPerHour(kbps: 15_555), videoClass: .uhd)
        let verdictAbove = DataCaps().verdict(gbPerHour: DataRate.gbPerHour(kbps: 15_556), videoClass: .uhd)
        #expect(verdictBelow.withinCap && verdictBelow.headroomGBPerHour > 0)
        #expect(!verdictAbove.withinCap && verdictAbove.headroomGBPerHour < 0)
    }

    @Test func fileCapsOverrideOnlyTheClassesTheyName() throws {
        let json =
            #"{"name": "c", "data_caps_gb_per_hour": {"hd": 2.5}, "rungs": [{"name": "720p", "width": 1280, "height": 720, "codec": "libx264", "bitrate_kbps": 5000}]}"#
        let spec = try LadderSpec.decode(Data(json.utf8), file: "caps.json")
        #expect(spec.dataCaps == DataCaps(sdGBPerHour: 1, hdGBPerHour: 2.5, uhdGBPerHour: 7))
        let rung = spec.rungs[0]
        #expect(spec.dataCapVerdict(for: rung, gbPerHour: 2.5).withinCap)
        #expect(!spec.dataCapVerdict(for: rung, gbPerHour: 2.500_001).withinCap)
    }

    @Test func peakBoundAddsOneBufferPerSegment() {
        let rung = Rung(name: "r", width: 640, height: 360, bitrateKbps: 800, maxrateKbps: 1200, bufsizeKbits: 2400)
        #expect(rung.peakBoundKbps(segmentSeconds: 4) == 1800)
        #expect(Rung(name: "r", width: 640, height: 360, bitrateKbps: 800).peakBoundKbps(segmentSeconds: 4) == nil)
    }
}
