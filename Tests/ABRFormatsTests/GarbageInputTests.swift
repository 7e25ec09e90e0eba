import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// Random mixtures of plausible and broken tokens never crash or hang a reader: each input
/// either reads as a valid trace or fails with a `FormatError` that names the file.
@Suite struct GarbageInputTests {
    static let tokens = [
        "0", "1", "17", "-3", "2.5", "1e3", "1e309", "nan", "inf", "-inf", "abc", "", " ", "\t", ",", "\r", "0x1p3",
        "99999999999999999999", "[", "]", "{", "}", "\"duration_ms\":", "\"bandwidth_kbps\":", ":", "duration_s", "bandwidth_kbps", "é",
    ]

    @Test(arguments: [nil] + TraceFormat.allCases.map(Optional.some))
    func randomTextNeverCrashesAReader(format: TraceFormat?) throws {
        var rng = SplitMix64(seed: 1234)
        let scratch = try TemporaryDirectory()
        let path = scratch.path("garbage")
        var outcomes = (read: 0, rejected: 0)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.nextUnit() * 40) {
                text += Self.tokens[Int(rng.nextUnit() * Double(Self.tokens.count))]
                text += rng.nextUnit() < 0.3 ? "\n" : (rng.nextUnit() < 0.5 ? " " : "")
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            do {
                let trace = try TraceReader.read(path: path, format: format)
                #expect(trace.loopBits > 0 && trace.loopDurationSeconds > 0)
                outcomes.read += 1
            } catch {
                #expect(error.path == path)
                #expect(!error.description.isEmpty)
                outcomes.rejected += 1
            }
        }
        #expect(outcomes.rejected > 0)
    }
}
