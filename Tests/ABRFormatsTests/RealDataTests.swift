import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// Every file of the public reference data sets reads without error, with the documented counts.
@Suite(.enabled(if: PackageRoot.hasSharedData, "../shared/data is absent; skipping the real-data checks"))
struct RealDataTests {
    func tracePath(_ name: String) -> String { PackageRoot.sharedData.appendingPathComponent("traces/\(name)").path }

    @Test func pensieveHSDPATestSetHas142CookedTraces() throws {
        let folder = tracePath("pensieve-hsdpa-test")
        for file in try TraceReader.files(at: folder) {
            #expect(TraceFormat.detect(try String(contentsOfFile: file, encoding: .utf8)) == .cooked, "\(file)")
        }
        let traces = try TraceReader.readAll(paths: [folder])
        #expect(traces.count == 142)
        #expect(traces.allSatisfy { $0.loopDurationSeconds > 0 && $0.meanBitsPerSecond > 0 })
        #expect(traces[0].name == "norway_bus_1")
    }

    @Test func sabre3GAnd4GSetsHave86And40Traces() throws {
        let threeG = try TraceReader.readAll(paths: [tracePath("sabre-3g")])
        let fourG = try TraceReader.readAll(paths: [tracePath("sabre-4g")])
        #expect(threeG.count == 86)
        #expect(fourG.count == 40)
        #expect((threeG + fourG).allSatisfy { $0.periods.allSatisfy { $0.latencySeconds >= 0 } })
    }

    @Test func sabreExampleNetworkHasFourPeriods() throws {
        let trace = try TraceReader.read(path: tracePath("sabre-example-network.json"))
        #expect(
            trace.periods == [
                TracePeriod(durationSeconds: 30, bitsPerSecond: 5_000_000, latencySeconds: 0.075),
                TracePeriod(durationSeconds: 30, bitsPerSecond: 3_000_000, latencySeconds: 0.15),
                TracePeriod(durationSeconds: 30, bitsPerSecond: 1_500_000, latencySeconds: 0.2),
                TracePeriod(durationSeconds: 30, bitsPerSecond: 3_000_000, latencySeconds: 0.15),
            ])
    }

    @Test func pensieveVideoHas49ChunkLinesOfWhichPensievePlays48() throws {
        let folder = PackageRoot.sharedData.appendingPathComponent("videos/pensieve-envivo").path
        let all = try VideoReader.read(path: folder)
        #expect(all.levelCount == 6)
        #expect(all.segmentCount == 49)
        #expect(all.segmentSeconds == 4)
        let played = try VideoReader.read(path: folder, segmentLimit: PensieveVideoFolder.pensievePlayedChunkCount)
        #expect(played.segmentCount == 48)
        #expect(played.levels.map(\.kbps) == [300, 750, 1200, 1850, 2850, 4300])
        // The last line of video_size_0 is 112270 bytes (see the file); the first 48 rows are unchanged.
        #expect(all.segmentBytes[48][0] == 112_270)
        #expect(Array(all.segmentBytes.prefix(48)) == played.segmentBytes)
    }

    @Test(arguments: [("bbb.json", 10), ("bbb4k.json", 6), ("movie.json", 10)])
    func sabreMoviesRead(name: String, levels: Int) throws {
        let video = try VideoReader.read(path: PackageRoot.sharedData.appendingPathComponent("videos/sabre/\(name)").path)
        #expect(video.levelCount == levels)
        #expect(video.segmentCount > 0)
        #expect(video.segmentSeconds == 3)
    }
}
