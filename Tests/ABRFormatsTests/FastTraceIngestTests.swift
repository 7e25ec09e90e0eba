import ABRSimulator
import Foundation
import TestSupport
import Testing

@_spi(Reference) @testable import ABRFormats

/// The byte-level fast path (`FastTraceIngest`) against the reference readers it replaces: the same
/// periods bit for bit, and the same errors (the fast path declines and the reference reader throws).
@Suite struct FastTraceIngestTests {
    typealias Outcome = Result<[[UInt64]], FormatError>

    static func bits(_ periods: [TracePeriod]) -> [[UInt64]] {
        periods.map { [$0.durationSeconds.bitPattern, $0.bitsPerSecond.bitPattern, $0.latencySeconds.bitPattern] }
    }

    static func reference(_ text: String, _ format: TraceFormat, path: String = "p") -> Outcome {
        do throws(FormatError) {
            switch format {
            case .cooked: return .success(bits(try CookedTrace.referencePeriods(parsing: text, path: path)))
            case .mahimahi: return .success(bits(try MahimahiTrace.referencePeriods(parsing: text, path: path)))
            case .csv: return .success(bits(try CSVTrace.referencePeriods(parsing: text, path: path)))
            case .sabre: return .success(bits(try SabreNetworkTrace.referencePeriods(parsing: text, path: path)))
            }
        } catch { return .failure(error) }
    }

    static func current(_ text: String, _ format: TraceFormat) -> Outcome {
        do throws(FormatError) { return .success(bits(try format.periods(parsing: text, path: "p"))) } catch { return .failure(error) }
    }

    /// `TraceReader.read` as it was before the fast path: `String` text, detection, reference reader.
    static func referenceRead(path: String) -> Result<[[UInt64]], FormatError> {
        do throws(FormatError) { return .success(bits(try TraceReader.referenceRead(path: path).periods)) } catch { return .failure(error) }
    }

    static func currentRead(path: String) -> Result<[[UInt64]], FormatError> {
        do throws(FormatError) { return .success(bits(try TraceReader.read(path: path).periods)) } catch { return .failure(error) }
    }

    static func traceFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix("README") && !$0.hasPrefix(".") }.sorted()
            .map { folder + "/" + $0 }
    }

    @Test func projectTracesTakeTheFastPathAndMatchInEveryFormat() throws {
        let files = Self.traceFiles(PackageRoot.path("traces"))
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let format = try #require(TraceFormat.detect(text))
            let fast = try #require(FastTraceIngest.periods(text, format: format), "fast path declined \(file)")
            #expect(Self.bits(fast) == (try Self.reference(text, format).get()), "\(file)")
            #expect(Self.currentRead(path: file) == Self.referenceRead(path: file), "\(file)")
            let trace = try TraceReader.read(path: file)
            // Mahimahi text grows with the packets carried: convert only the lighter traces to it.
            for other in TraceFormat.allCases where other != .mahimahi || trace.loopBits < 2e9 {
                guard let written = try? other.text(trace) else { continue }
                #expect(Self.current(written, other) == Self.reference(written, other), "\(file) as \(other)")
                #expect(FastTraceIngest.periods(written, format: other) != nil, "\(file) as \(other): fast path declined")
            }
        }
    }

    @Test func sharedDataTracesMatch() throws {
        guard PackageRoot.hasSharedData else {
            print("skipped: \(PackageRoot.sharedData.path) is absent")
            return
        }
        let root = PackageRoot.sharedData.path + "/traces"
        for folder in ["pensieve-hsdpa-test", "sabre-3g", "sabre-4g"] {
            for file in Self.traceFiles(root + "/" + folder) {
                #expect(Self.currentRead(path: file) == Self.referenceRead(path: file), "\(file)")
            }
        }
    }

    // MARK: - Randomized text

    /// Number texts: plain decimals, exponents, and every form the fast path must hand back.
    static func number(_ rng: inout SplitMix64) -> String {
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(rng.next() % 10)) }) }
        switch rng.next() % 24 {
        case 0: return ["nan", "inf", "-inf", "NaN", "infinity", "+inf"][Int(rng.next() % 6)]
        case 1: return ["1e400", "1e-400", "1e305", "1e-320", "4.9e-324", "1.7976931348623157e308", "1e99999999999999999999"][Int(rng.next() % 7)]
        case 2: return ["-0", "-0.0", "+0", "0e0", "-1", "-0.5", "+.5", "-.0"][Int(rng.next() % 8)]
        case 3: return "." + digits(1 + Int(rng.next() % 4))
        case 4: return digits(1 + Int(rng.next() % 4)) + "."
        case 5: return "+" + digits(1 + Int(rng.next() % 4))
        case 6: return digits(20 + Int(rng.next() % 30)) + "." + digits(Int(rng.next() % 30))
        case 7: return ["abc", "", "0x1p3", "0X10", "1_000", "1,5", "1e", "1e+", "e5", "..5", "5..", "1.2.3", "0b1", "1d"][Int(rng.next() % 14)]
        case 8: return "0." + String(repeating: "0", count: Int(rng.next() % 30)) + digits(1 + Int(rng.next() % 17))
        case 9, 10, 11:
            let e = Int(rng.next() % 60) - 30
            let sign = ["", "+", "-"][Int(rng.next() % 3)]
            let mark = rng.next() % 2 == 0 ? "e" : "E"
            return digits(1 + Int(rng.next() % 18)) + (rng.next() % 2 == 0 ? "." + digits(1 + Int(rng.next() % 8)) : "") + mark + sign + String(abs(e))
        case 12: return String(Double(bitPattern: rng.next() >> 2 | 0x3000_0000_0000_0000).magnitude)
        default:
            return digits(1 + Int(rng.next() % 9)) + (rng.next() % 3 == 0 ? "" : "." + digits(1 + Int(rng.next() % 16)))
        }
    }

    static func space(_ rng: inout SplitMix64) -> String { ["", " ", "\t", "  ", " \t", "\r"][Int(rng.next() % 6)] }
    static func lineEnd(_ rng: inout SplitMix64) -> String {
        ["\n", "\r\n", "\n\n", "\n \t\n", "\r\n\r\n"][Int(rng.next() % 5)]
    }

    static func cooked(_ rng: inout SplitMix64, clean: Bool) -> String {
        var text = rng.next() % 4 == 0 ? lineEnd(&rng) : ""
        var micros = UInt64(0)
        for _ in 0..<(1 + Int(rng.next() % 40)) {
            let time: String
            if clean || rng.next() % 3 != 0 {
                let whole = micros / 1_000_000, frac = micros % 1_000_000
                time =
                    [
                        "\(whole).\(String(frac + 1_000_000).dropFirst())", "\(micros)e-6", "\(micros)E-06",
                        "0\(whole).\(String(frac + 1_000_000).dropFirst())",
                        "\(Double(micros) / 1e6)",
                    ][Int(rng.next() % 5)]
            } else {
                time = number(&rng)
            }
            let rate = clean ? String(Double(rng.next() % 100_000) / 1000) : number(&rng)
            let separator = [" ", "\t", "  ", " \t "][Int(rng.next() % 4)]
            text += space(&rng).replacingOccurrences(of: "\r", with: "") + time + separator + rate
            if !clean, rng.next() % 25 == 0 { text += " 7" }
            text += (rng.next() % 2 == 0 ? " " : "") + lineEnd(&rng)
            micros += rng.next() % 3 == 0 ? 0 : rng.next() % 3_000_000
        }
        return text
    }

    static func mahimahi(_ rng: inout SplitMix64, clean: Bool) -> String {
        var text = ""
        var time = Int(rng.next() % 3)
        for _ in 0..<(1 + Int(rng.next() % 60)) {
            var line = String(time)
            if !clean {
                switch rng.next() % 12 {
                case 0: line = "+\(time)"
                case 1: line = "00\(time)"
                case 2: line = "-0"
                case 3: line = ["1e3", "abc", "99999999999", "1000000001", "1000000000", "5 6", "0x10"][Int(rng.next() % 7)]
                case 4: line = String(max(0, time - 5))
                default: break
                }
            }
            text += space(&rng) + line + space(&rng) + lineEnd(&rng)
            time += [0, 0, 1, 1, 2, 7, 300][Int(rng.next() % 7)]
        }
        return text
    }

    static func csv(_ rng: inout SplitMix64, clean: Bool) -> String {
        var columns = [
            ["duration_s", "duration_ms", " Duration_MS "][Int(rng.next() % 3)],
            ["bandwidth_bps", "bandwidth_kbps", "bandwidth_mbps", "BANDWIDTH_KBPS\t"][Int(rng.next() % 4)],
        ]
        if rng.next() % 2 == 0 { columns.append(["latency_s", "latency_ms"][Int(rng.next() % 2)]) }
        if rng.next() % 3 == 0 { columns.append("note") }
        if !clean, rng.next() % 10 == 0 { columns.append("duration_s") }
        if !clean, rng.next() % 12 == 0 { columns.removeFirst() }
        columns.shuffle(using: &rng)
        var text = columns.joined(separator: ",") + lineEnd(&rng)
        for _ in 0..<(Int(rng.next() % 30)) {
            let fields = columns.map { name -> String in
                if name == "note" { return clean ? "n\(rng.next() % 9)" : ["", "x y", "a,b", "é"][Int(rng.next() % 4)] }
                let value = clean ? String(1 + rng.next() % 5000) + "." + String(rng.next() % 1000) : number(&rng)
                return space(&rng).replacingOccurrences(of: "\r", with: "") + value + space(&rng).replacingOccurrences(of: "\r", with: "")
            }
            text += fields.joined(separator: ",") + lineEnd(&rng)
        }
        return text
    }

    static func sabre(_ rng: inout SplitMix64, clean: Bool) -> String {
        func ws() -> String { ["", " ", "\n", "\r\n  ", "\t"][Int(rng.next() % 5)] }
        func json() -> String {
            if clean { return String(1 + rng.next() % 5000) + (rng.next() % 2 == 0 ? "" : "." + String(rng.next() % 100)) }
            switch rng.next() % 8 {
            case 0: return ["null", "\"5\"", "true", "01", "-0", "1.", ".5", "+1", "1e400", "-1", "0", "0.0"][Int(rng.next() % 12)]
            case 1: return "1" + String(repeating: "3", count: 16 + Int(rng.next() % 10))
            case 2: return String(rng.next() % 100) + ["e", "E"][Int(rng.next() % 2)] + ["", "+", "-"][Int(rng.next() % 3)] + String(rng.next() % 30)
            default: return String(rng.next() % 5000) + (rng.next() % 2 == 0 ? "" : "." + String(rng.next() % 1000))
            }
        }
        var objects: [String] = []
        for _ in 0..<(Int(rng.next() % 12) + (clean ? 1 : 0)) {
            var keys = ["duration_ms", "bandwidth_kbps"]
            if rng.next() % 2 == 0 { keys.append("latency_ms") }
            if !clean, rng.next() % 10 == 0 { keys.append(["extra", "duration_ms", "duration\\u005fms"][Int(rng.next() % 3)]) }
            if !clean, rng.next() % 15 == 0 { keys.removeFirst() }
            keys.shuffle(using: &rng)
            objects.append("{" + keys.map { "\(ws())\"\($0)\"\(ws()):\(ws())\(json())\(ws())" }.joined(separator: ",") + "}")
        }
        var text = ws() + "[" + objects.map { ws() + $0 + ws() }.joined(separator: ",") + "]" + ws()
        if !clean, rng.next() % 20 == 0 { text += ["x", ",", "]", "{}"][Int(rng.next() % 4)] }
        if !clean, rng.next() % 20 == 0 { text = String(text.dropLast(1 + Int(rng.next() % 3))) }
        return text
    }

    static func generate(_ format: TraceFormat, _ rng: inout SplitMix64, clean: Bool) -> String {
        switch format {
        case .cooked: cooked(&rng, clean: clean)
        case .mahimahi: mahimahi(&rng, clean: clean)
        case .csv: csv(&rng, clean: clean)
        case .sabre: sabre(&rng, clean: clean)
        }
    }

    @Test(arguments: TraceFormat.allCases)
    func randomizedTextGivesTheReferenceResult(format: TraceFormat) throws {
        var rng = SplitMix64(seed: SplitMix64.seed(11, label: format.rawValue))
        var fastCount = 0, errorCount = 0
        for round in 0..<3000 {
            let clean = round % 3 == 0
            let text = Self.generate(format, &rng, clean: clean)
            let expected = Self.reference(text, format)
            #expect(Self.current(text, format) == expected, "\(format) \(round): \(text.debugDescription)")
            if FastTraceIngest.periods(text, format: format) != nil { fastCount += 1 }
            if case .failure = expected { errorCount += 1 }
        }
        // Both paths are exercised: many texts parse fast, many are errors the reference reader names.
        #expect(fastCount > 500)
        #expect(errorCount > 300)
    }

    @Test func cookedSamplesMatchTheReferenceReader() throws {
        typealias Samples = Result<[[UInt64]], FormatError>
        func outcome(_ body: () throws(FormatError) -> (times: [Double], mbps: [Double])) -> Samples {
            do throws(FormatError) {
                let samples = try body()
                return .success([samples.times.map(\.bitPattern), samples.mbps.map(\.bitPattern)])
            } catch { return .failure(error) }
        }
        var rng = SplitMix64(seed: 99)
        var fastCount = 0
        for round in 0..<3000 {
            let text = Self.cooked(&rng, clean: round % 3 == 0)
            let expected = outcome { () throws(FormatError) in try CookedTrace.referenceSamples(parsing: text, path: "p") }
            #expect(outcome { () throws(FormatError) in try CookedTrace.samples(parsing: text, path: "p") } == expected, "\(text.debugDescription)")
            if text.utf8.withContiguousStorageIfAvailable({ FastTraceIngest.cookedSamples($0) }) ?? nil != nil { fastCount += 1 }
        }
        #expect(fastCount > 500)
        for file in Self.traceFiles(PackageRoot.path("traces")) + Self.traceFiles(PackageRoot.sharedData.path + "/traces/pensieve-hsdpa-test") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let expected = outcome { () throws(FormatError) in try CookedTrace.referenceSamples(parsing: text, path: file) }
            #expect(outcome { () throws(FormatError) in try CookedTrace.samples(path: file) } == expected, "\(file)")
        }
    }

    @Test func randomizedFilesReadLikeBefore() throws {
        let scratch = try TemporaryDirectory()
        var rng = SplitMix64(seed: 2024)
        for round in 0..<400 {
            let format = TraceFormat.allCases[round % 4]
            let path = scratch.path("t\(round)")
            var data = Data(Self.generate(format, &rng, clean: round % 2 == 0).utf8)
            if round % 37 == 5 { data.append(contentsOf: [0xFF, 0xFE]) }  // not UTF-8
            if round % 41 == 7 { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }  // a byte-order mark
            try data.write(to: URL(fileURLWithPath: path))
            #expect(Self.currentRead(path: path) == Self.referenceRead(path: path), "\(round)")
        }
    }

    @Test func decimalFastPathIsDoubleParsing() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200_000 {
            let text = Self.number(&rng)
            let bytes = Array(text.utf8)
            for power in [0, -3, 3, 6] {
                let fast = bytes.withUnsafeBufferPointer { DecimalBytes.nonNegative($0, 0, $0.count, powerOfTen: power) }
                let reference = try? NumberText.nonNegative(Substring(text), powerOfTen: power, field: "", path: "", line: nil, expected: "")
                #expect(fast?.bitPattern == reference?.bitPattern, "\(text) × 10^\(power)")
            }
        }
    }
}
