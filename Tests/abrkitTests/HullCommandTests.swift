#if FFmpeg
import ABRFormats
import Foundation
import TestSupport
import Testing

/// `abrkit hull` end to end on a 2 × 2 grid of the synthetic sample.
@Suite(.serialized) struct HullCommandTests {
    struct Point: Decodable {
        var name: String
        var width: Int
        var height: Int
        var targetKbps: Int
        var averageKbps: Double
        var psnrDb: Double
        var ssim: Double
        var vmaf: Double?
        var onHull: Bool
    }
    struct HullFile: Decodable {
        var metric: String
        var points: [Point]
    }
    struct LadderRungs: Decodable {
        struct Rung: Decodable { var name: String; var width: Int; var bitrateKbps: Int }
        var rungs: [Rung]
    }

    @Test func aGridEncodeMarksItsHullAndWritesALadderEncodeCanUse() throws {
        let dir = try TemporaryDirectory()
        let out = dir.url.appendingPathComponent("hull")
        let result = try CLI.run([
            "hull", "--sample", "1", "--resolutions", "320x180,160x90", "--bitrates", "300,100", "--segment-seconds", "1", "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let snake = JSONDecoder()
        snake.keyDecodingStrategy = .convertFromSnakeCase
        let hull = try snake.decode(HullFile.self, from: Data(contentsOf: out.appendingPathComponent("hull.json")))
        #expect(hull.metric == "psnr")
        #expect(hull.points.map(\.name) == ["90p-100k", "90p-300k", "180p-100k", "180p-300k"])

        // The grid's own ladder.json measured the same rates and qualities.
        let grid = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("grid/ladder.json")))
        for point in hull.points {
            let level = try #require(grid.levels.first { $0.name == point.name })
            #expect(abs(level.averageKbps - point.averageKbps) < 0.01)
            #expect(abs((level.psnrDb ?? 0) - point.psnrDb) < 0.01)
        }

        // Hull by its definition: the best-quality point is on it, and no point off it beats the hull's
        // interpolation at its rate or reaches a hull point's quality at a lower rate.
        let on = hull.points.filter(\.onHull).sorted { $0.averageKbps < $1.averageKbps }
        #expect(on.last?.psnrDb == hull.points.map(\.psnrDb).max())
        #expect(zip(on, on.dropFirst()).allSatisfy { $0.averageKbps < $1.averageKbps && $0.psnrDb < $1.psnrDb })
        for point in hull.points where !point.onHull {
            #expect(!on.contains { $0.averageKbps >= point.averageKbps && $0.psnrDb <= point.psnrDb })
            if let right = on.firstIndex(where: { $0.averageKbps > point.averageKbps }), right > 0 {
                let a = on[right - 1], b = on[right]
                let chord = a.psnrDb + (b.psnrDb - a.psnrDb) * (point.averageKbps - a.averageKbps) / (b.averageKbps - a.averageKbps)
                #expect(point.psnrDb <= chord + 1e-9, "\(point.name) above the hull")
            }
        }
        #expect(result.stdout.contains("convex hull (PSNR): " + on.map(\.name).joined(separator: " → ")))

        // The per-title ladder is the hull, and abrkit encode takes it.
        let ladderPath = out.appendingPathComponent("per-title-ladder.json").path
        let ladder = try snake.decode(LadderRungs.self, from: Data(contentsOf: URL(fileURLWithPath: ladderPath)))
        #expect(ladder.rungs.map(\.name) == on.map(\.name))
        let encoded = try CLI.run(["encode", "--sample", "1", "--ladder", ladderPath, "--out", dir.path("ladder"), "--no-quality"])
        #expect(encoded.status == 0, "\(encoded.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("hull.svg").path))
    }

    @Test(.enabled(if: FFmpegCLI.vmafExecutable != nil, "no ffmpeg with libvmaf: scripts/setup.sh --vmaf installs one"))
    func aVMAFHullIsTakenOverEachPointsMeanVMAF() throws {
        let dir = try TemporaryDirectory()
        let out = dir.url.appendingPathComponent("hull")
        let result = try CLI.run([
            "hull", "--sample", "1", "--resolutions", "320x180,160x90", "--bitrates", "300,60", "--segment-seconds", "1", "--metric", "vmaf",
            "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let snake = JSONDecoder()
        snake.keyDecodingStrategy = .convertFromSnakeCase
        let hull = try snake.decode(HullFile.self, from: Data(contentsOf: out.appendingPathComponent("hull.json")))
        #expect(hull.metric == "vmaf")
        // Each point's VMAF is its rung's in the grid's ladder.json, which the VMAF oracle test
        // checks against ffmpeg's libvmaf run directly.
        let grid = try JSONDecoder().decode(LadderFile.self, from: Data(contentsOf: out.appendingPathComponent("grid/ladder.json")))
        #expect(grid.vmaf?.model == "vmaf_v0.6.1")
        var scores: [String: Double] = [:]
        for point in hull.points {
            let level = try #require(grid.levels.first { $0.name == point.name })
            let vmaf = try #require(point.vmaf, "\(point.name) has no VMAF")
            #expect(abs((level.vmaf ?? -1) - vmaf) < 1e-9)
            #expect(vmaf > 0 && vmaf <= 100)
            scores[point.name] = vmaf
        }
        // The hull by its definition over VMAF: the best VMAF is on it, and no point off it reaches a
        // hull point's VMAF at a lower or equal rate or lies above the chord of its hull neighbours.
        let on = hull.points.filter(\.onHull).sorted { $0.averageKbps < $1.averageKbps }
        #expect(on.last?.vmaf == hull.points.compactMap(\.vmaf).max())
        #expect(zip(on, on.dropFirst()).allSatisfy { $0.averageKbps < $1.averageKbps && scores[$0.name]! < scores[$1.name]! })
        for point in hull.points where !point.onHull {
            let q = scores[point.name]!
            #expect(!on.contains { $0.averageKbps >= point.averageKbps && scores[$0.name]! <= q })
            if let right = on.firstIndex(where: { $0.averageKbps > point.averageKbps }), right > 0 {
                let a = on[right - 1], b = on[right]
                let (qa, qb) = (scores[a.name]!, scores[b.name]!)
                #expect(q <= qa + (qb - qa) * (point.averageKbps - a.averageKbps) / (b.averageKbps - a.averageKbps) + 1e-9, "\(point.name) above the hull")
            }
        }
        #expect(result.stdout.contains("convex hull (VMAF): " + on.map(\.name).joined(separator: " → ")))
        #expect(result.stdout.contains("VMAF"))
        #expect(try String(contentsOf: out.appendingPathComponent("hull.svg"), encoding: .utf8).contains("VMAF"))
    }

    @Test(arguments: [
        (["--resolutions", "320x181"], "320x181"), (["--resolutions", "wide"], "wide"), (["--bitrates", "100,0"], "'0'"),
        (["--metric", "vmaf2"], "vmaf2"), (["--vmaf-model", "vmaf_4k_v0.6.1"], "--metric vmaf"), (["--ffmpeg", "/bin/true"], "--metric vmaf"),
        (["--metric", "vmaf", "--vmaf-subsample", "0"], "--vmaf-subsample 0"),
        (["--metric", "vmaf", "--ffmpeg", "/bin/true"], "'/bin/true' has no libvmaf filter"),
    ])
    func badGridOptionsFailNamingTheValue(options: [String], named: String) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["hull", "--sample", "1", "--out", dir.path("out")] + options)
        #expect(result.status != 0)
        #expect(result.stderr.contains(named), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")), "nothing written for a bad grid")
    }
}
#endif
