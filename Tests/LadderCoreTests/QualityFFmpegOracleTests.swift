import Foundation
import TestSupport
import Testing

@testable import LadderCore

/// abrkit's PSNR/SSIM against the `ffmpeg` CLI's `psnr` and `ssim` filters on the same raw clips
/// (the issue's acceptance: within 0.05 dB and 0.001).
@Suite(.enabled(if: FFmpegCLI.isAvailable, "needs the ffmpeg CLI on PATH"))
struct QualityFFmpegOracleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var width: Int
        var height: Int
        /// How the distorted clip is made from the reference.
        var degrade: [String]
        var testDescription: String { "\(width)x\(height) \(degrade.joined(separator: " "))" }
    }

    static let cases = [
        Case(width: 320, height: 180, degrade: ["-c:v", "libx264", "-b:v", "100k", "-f", "matroska"]),
        // Odd size: chroma planes are ⌈w/2⌉ × ⌈h/2⌉ and SSIM ignores partial blocks.
        Case(width: 321, height: 181, degrade: ["-vf", "noise=alls=24:allf=t", "-c:v", "rawvideo", "-f", "nut"]),
    ]

    @Test(arguments: cases)
    func matchesFFmpegFilters(_ c: Case) throws {
        let dir = try TemporaryDirectory()
        let size = "\(c.width)x\(c.height)"
        let raw = ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", size]
        let ref = dir.path("ref.yuv")
        let mid = dir.path("mid")
        let dist = dir.path("dist.yuv")
        try FFmpegCLI.run([
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-frames:v", "12", "-vf",
            "scale=\(c.width):\(c.height)", "-pix_fmt", "yuv420p",
            "-f", "rawvideo", ref,
        ])
        try FFmpegCLI.run(raw + ["-r", "25", "-i", ref] + c.degrade + [mid])
        try FFmpegCLI.run(["-i", mid, "-f", "rawvideo", "-pix_fmt", "yuv420p", dist])
        let log = try FFmpegCLI.run(
            raw + ["-i", dist] + raw + [
                "-i", ref,
                "-lavfi", "[0][1]psnr;[0][1]ssim", "-f", "null", "-",
            ]
        )
        let oracle = try #require(FFmpegCLI.Summary(log: log))
        // The same filters over the first 5 frames only: the oracle for a per-segment summary.
        let firstLog = try FFmpegCLI.run(
            raw + ["-i", dist] + raw + [
                "-i", ref,
                "-lavfi", "[0][1]psnr;[0][1]ssim", "-frames:v", "5", "-f", "null", "-",
            ]
        )
        let firstOracle = try #require(FFmpegCLI.Summary(log: firstLog))

        var acc = QualityAccumulator()
        var segments: [QualitySummary] = []
        let refBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ref)))
        let distBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dist)))
        let pictureBytes = Plane.yuv420pPictureBytes(width: c.width, height: c.height)
        #expect(refBytes.count == 12 * pictureBytes && distBytes.count == refBytes.count)
        for offset in stride(from: 0, to: refBytes.count, by: pictureBytes) {
            let r = try #require(
                Plane.yuv420p(refBytes[offset..<offset + pictureBytes], width: c.width, height: c.height)
            )
            let d = try #require(
                Plane.yuv420p(distBytes[offset..<offset + pictureBytes], width: c.width, height: c.height)
            )
            acc.add(reference: r, distorted: d)
            if acc.frameCount == 5 { segments.append(acc.endSegment()) }
        }
        segments.append(acc.endSegment())
        #expect(segments.map(\.frameCount) == [5, 7])
        #expect(
            abs(segments[0].psnrYDb - firstOracle.psnrY) < 1e-5,
            "segment \(segments[0].psnrYDb), ffmpeg \(firstOracle.psnrY)"
        )
        #expect(abs(segments[0].psnrDb - firstOracle.psnrAverage) < 1e-5)
        #expect(abs(segments[0].ssim - firstOracle.ssimAll) < 2e-6)
        #expect(acc.frameCount == 12)
        #expect(abs(acc.psnrYDb - oracle.psnrY) < 0.05, "ours \(acc.psnrYDb), ffmpeg \(oracle.psnrY)")
        #expect(abs(acc.psnrDb - oracle.psnrAverage) < 0.05, "ours \(acc.psnrDb), ffmpeg \(oracle.psnrAverage)")
        #expect(abs(acc.ssim - oracle.ssimAll) < 0.001, "ours \(acc.ssim), ffmpeg \(oracle.ssimAll)")
        // The figures the encoder will quote are far tighter than the acceptance bound.
        #expect(abs(acc.psnrYDb - oracle.psnrY) < 1e-5)
        #expect(abs(acc.psnrDb - oracle.psnrAverage) < 1e-5)
        #expect(abs(acc.ssim - oracle.ssimAll) < 2e-6)
        #expect(acc.psnrDb < 45 && acc.ssim < 0.99, "the distorted clip must actually be distorted")
    }
}

extension FFmpegCLI {
    /// The summary lines the `psnr` and `ssim` filters log when they finish.
    struct Summary {
        var psnrY: Double
        var psnrAverage: Double
        var ssimAll: Double

        init?(log: String) {
            func value(after key: String, onLineContaining marker: String) -> Double? {
                guard let line = log.split(separator: "\n").first(where: { $0.contains(marker) }),
                    let range = line.range(of: key)
                else { return nil }
                return Double(line[range.upperBound...].prefix { !$0.isWhitespace })
            }
            guard let y = value(after: " y:", onLineContaining: "PSNR y:"),
                let average = value(after: "average:", onLineContaining: "PSNR y:"),
                let all = value(after: "All:", onLineContaining: "SSIM Y:")
            else { return nil }
            psnrY = y; psnrAverage = average; ssimAll = all
        }
    }
}
