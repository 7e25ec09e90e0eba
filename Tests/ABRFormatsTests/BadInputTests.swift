import ABRFormats
import ABRSimulator
import Foundation
import TestSupport
import Testing

/// Bad files fail with an error naming the file, the line (or JSON element) and the value.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var format: TraceFormat?
        var code: FormatError.Code
        var line: Int?
        var value: String?
        /// A fragment the human message must contain.
        var says: String
        var testDescription: String { name }
    }

    static let traceCases: [Case] = [
        Case(name: "empty cooked", text: "", format: .cooked, code: .emptyFile, says: "no data lines"),
        Case(name: "blank lines only", text: "\n \n\t\n", format: nil, code: .emptyFile, says: "no data lines"),
        Case(
            name: "bandwidth not a number", text: "0 1\n1 2\n2 abc\n", format: nil, code: .notANumber, line: 3, value: "abc",
            says: #"bandwidth "abc" is not a number; expected Mbit/s ≥ 0"#),
        Case(name: "time not a number", text: "0 1\n1,5 2\n", format: .cooked, code: .notANumber, line: 2, value: "1,5", says: #"time "1,5""#),
        Case(name: "negative bandwidth", text: "0 1\n1 -2\n", format: nil, code: .outOfRange, line: 2, value: "-2", says: "bandwidth -2 is out of range"),
        Case(name: "NaN bandwidth", text: "0 1\n1 nan\n", format: nil, code: .outOfRange, line: 2, value: "nan", says: "nan"),
        Case(name: "infinite bandwidth", text: "0 1\n1 inf\n", format: nil, code: .outOfRange, line: 2, value: "inf", says: "inf"),
        Case(
            name: "bandwidth overflows in bit/s", text: "0 1\n1 1e305\n", format: nil, code: .outOfRange, line: 2, value: "1e305",
            says: "bandwidth 1e305 is out of range"),
        Case(name: "negative time", text: "-1 1\n1 1\n", format: nil, code: .outOfRange, line: 1, value: "-1", says: "seconds ≥ 0"),
        Case(
            name: "time goes backwards", text: "0 1\n2 1\n1.5 1\n", format: nil, code: .nonMonotoneTime, line: 3, value: "1.5",
            says: "time 1.5 s is before the previous line's 2 s"),
        Case(name: "three fields", text: "0 1\n1 1 1\n", format: .cooked, code: .malformedRecord, line: 2, says: "3 fields"),
        Case(name: "no duration", text: "0 1\n0 2\n", format: nil, code: .malformedRecord, line: 1, says: "no duration"),
        Case(name: "all-zero cooked trace", text: "0 0\n1 0\n2 0\n", format: nil, code: .invalidModel, says: "zero bandwidth everywhere"),
        Case(name: "mahimahi fraction", text: "1\n2.5\n", format: .mahimahi, code: .notANumber, line: 2, value: "2.5", says: "whole milliseconds"),
        Case(name: "mahimahi backwards", text: "5\n7\n6\n", format: nil, code: .nonMonotoneTime, line: 3, value: "6", says: "before the previous"),
        Case(name: "mahimahi negative", text: "-3\n", format: .mahimahi, code: .outOfRange, line: 1, value: "-3", says: "out of range"),
        Case(name: "mahimahi absurd timestamp", text: "1\n99999999999999999\n", format: nil, code: .outOfRange, line: 2, says: "out of range"),
        Case(name: "mahimahi overflow", text: "1\n99999999999999999999999\n", format: nil, code: .notANumber, line: 2, says: "not a number"),
        Case(name: "mahimahi only zero", text: "0\n0\n", format: nil, code: .outOfRange, line: 2, says: "no duration"),
        Case(name: "sabre invalid JSON", text: "[{\"duration_ms\": 1,", format: .sabre, code: .invalidJSON, says: "invalid JSON"),
        Case(
            name: "sabre wrong type", text: #"[{"duration_ms": 1000, "bandwidth_kbps": 5}, {"duration_ms": "x", "bandwidth_kbps": 5}]"#,
            format: nil, code: .invalidJSON, says: "[1].duration_ms"),
        Case(name: "sabre missing key", text: #"[{"duration_ms": 1000}]"#, format: nil, code: .malformedRecord, says: #"[0]: missing key "bandwidth_kbps""#),
        Case(
            name: "sabre negative bandwidth", text: #"[{"duration_ms": 1000, "bandwidth_kbps": -5, "latency_ms": 0}]"#, format: nil,
            code: .outOfRange, value: "-5", says: "[0].bandwidth_kbps: bandwidth_kbps -5 is out of range; expected kbit/s ≥ 0"),
        Case(name: "sabre zero duration", text: #"[{"duration_ms": 0, "bandwidth_kbps": 5}]"#, format: nil, code: .outOfRange, says: "[0].duration_ms"),
        Case(name: "sabre empty array", text: "[]", format: nil, code: .emptyFile, says: "no periods"),
        Case(name: "sabre all zero", text: #"[{"duration_ms": 10, "bandwidth_kbps": 0}]"#, format: nil, code: .invalidModel, says: "zero bandwidth"),
        Case(name: "csv header only", text: "duration_s,bandwidth_kbps\n", format: nil, code: .emptyFile, line: 1, says: "no rows"),
        Case(
            name: "csv missing bandwidth column", text: "duration_s,bandwith_kbps\n1,2\n", format: nil, code: .malformedRecord, line: 1,
            says: "no bandwidth column"),
        Case(name: "csv ragged row", text: "duration_s,bandwidth_kbps\n1,2\n1\n", format: nil, code: .malformedRecord, line: 3, says: "1 fields"),
        Case(name: "csv zero duration", text: "duration_s,bandwidth_kbps\n0,2\n", format: nil, code: .outOfRange, line: 2, says: "duration > 0"),
        Case(
            name: "csv not a number", text: "duration_s,bandwidth_kbps\n1,fast\n", format: nil, code: .notANumber, line: 2, value: "fast",
            says: #"bandwidth_kbps "fast""#),
        Case(name: "unknown format", text: "time bandwidth latency\n1 2 3\n", format: nil, code: .unknownFormat, says: "cannot tell"),
    ]

    @Test(arguments: traceCases)
    func badTraceFileFailsWithALocatedError(c: Case) throws {
        let scratch = try TemporaryDirectory()
        let path = try scratch.file("trace.txt", c.text)
        do {
            let trace = try TraceReader.read(path: path, format: c.format)
            Issue.record("read \(trace.periods.count) periods from bad input")
        } catch {
            #expect(error.code == c.code)
            #expect(error.path == path)
            #expect(error.line == c.line)
            if let value = c.value { #expect(error.value == value) }
            #expect(error.description.hasPrefix(path))
            #expect(error.description.contains(c.says), "\(error.description)")
        }
    }

    @Test func lineNumbersCountBlankLinesAndWindowsLineEnds() throws {
        let scratch = try TemporaryDirectory()
        let path = try scratch.file("x.log", "0\t1\r\n\r\n1\t2\r\n2\tabc\r\n")
        #expect(throws: FormatError(.notANumber, path: path, line: 4, value: "abc", problem: #"bandwidth "abc" is not a number"#, expected: "Mbit/s ≥ 0")) {
            try TraceReader.read(path: path)
        }
    }

    @Test func missingFileAndFolderAreNamed() throws {
        let scratch = try TemporaryDirectory()
        let missing = scratch.path("no-such-file")
        #expect(throws: FormatError(.fileNotFound, path: missing, problem: "no such file")) { try TraceReader.read(path: missing) }
        #expect { try TraceReader.readAll(paths: [missing]) } throws: { ($0 as? FormatError)?.code == .fileNotFound }
        #expect { try VideoReader.read(path: missing) } throws: { ($0 as? FormatError)?.code == .fileNotFound }
        let folder = try scratch.directory("empty").path
        #expect { try TraceReader.read(path: folder) } throws: { ($0 as? FormatError)?.code == .unreadable }
        #expect { try TraceReader.readAll(paths: [folder]) } throws: { ($0 as? FormatError)?.code == .emptyFile }
    }

    @Test func aBadFileInAFolderIsNamed() throws {
        let folder = try TemporaryDirectory()
        try folder.file("a", "0 1\n1 1\n")
        try folder.file("b", "0 1\n1 x\n")
        #expect { try TraceReader.readAll(paths: [folder.url.path]) } throws: { error in
            let e = error as? FormatError
            return e?.path == folder.path("b") && e?.line == 2
        }
    }

    @Test func notUTF8IsUnreadable() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path("bin")
        try Data([0xff, 0xfe, 0x00, 0x80]).write(to: URL(fileURLWithPath: path))
        #expect { try TraceReader.read(path: path) } throws: { ($0 as? FormatError)?.code == .unreadable }
    }
}
