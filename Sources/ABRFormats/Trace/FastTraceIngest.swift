import ABRSimulator

/// The trace readers' fast path: cooked, Mahimahi, CSV and Sabre JSON parsed straight from bytes,
/// with no `String` per line and no Foundation JSON.
///
/// **Exact by construction.** Each function returns the periods only for input it handles in full:
/// ASCII text, numbers that ``DecimalBytes`` parses exactly (or the same ``NumberText`` call on the
/// same text), and no error of any kind. Anything else returns `nil` and the caller runs the
/// reference reader (`referencePeriods(parsing:path:)` of each format) on the whole text, which
/// then gives the result or throws the error, with its line, value and message, as it always has.
/// The periods returned are bit-identical to the reference reader's (a differential test checks
/// every project trace and randomized text).
enum FastTraceIngest {
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    @inline(__always) static func isFieldSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The end of the line starting at `start`: the index of the next `\n`, or `bytes.count`.
    @inline(__always) static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = bytes.count
        while i < n, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return i
    }

    /// Calls `body` with each non-blank line of `bytes` trimmed as ``TextFile/lines(_:)`` trims it
    /// (`start..<end`); stops and returns `false` as soon as `body` does.
    @inline(__always)
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int) -> Bool) -> Bool {
        var lineStart = 0
        let n = bytes.count
        while lineStart <= n {
            let end = lineEnd(bytes, from: lineStart)
            var s = lineStart
            var e = end
            while s < e, isBlank(bytes[s]) { s += 1 }
            while e > s, isBlank(bytes[e - 1]) { e -= 1 }
            if s < e, !body(s, e) { return false }
            lineStart = end + 1
        }
        return true
    }

    /// `TraceFormat.detect` on the same text: only its first non-blank line matters.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> TraceFormat? {
        var first: (Int, Int)?
        _ = forEachLine(bytes) { s, e in
            first = (s, e)
            return false
        }
        guard let (s, e) = first else { return nil }
        return TraceFormat.detect(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self))
    }

    /// The periods of `bytes` in `format`, or `nil` when the reference reader must decide.
    static func periods(_ bytes: UnsafeBufferPointer<UInt8>, format: TraceFormat) -> [TracePeriod]? {
        let (isASCII, newlines) = DecimalBytes.scan(bytes)
        guard isASCII else { return nil }
        switch format {
        case .cooked: return cooked(bytes, lines: newlines + 1)
        case .mahimahi: return mahimahi(bytes)
        case .csv: return csv(bytes, lines: newlines + 1)
        case .sabre: return sabre(bytes)
        }
    }

    /// The fast path for a whole `String` (``TraceFormat/periods(parsing:path:)``).
    static func periods(_ text: String, format: TraceFormat) -> [TracePeriod]? {
        text.utf8.withContiguousStorageIfAvailable { periods($0, format: format) } ?? nil
    }

    // MARK: - Cooked

    static func cooked(_ bytes: UnsafeBufferPointer<UInt8>, lines: Int) -> [TracePeriod]? {
        var periods: [TracePeriod] = []
        periods.reserveCapacity(lines)
        var previousTime = 0.0
        let complete = cookedRecords(bytes) { time, _, bitsPerSecond in
            if time > previousTime {
                periods.append(TracePeriod(durationSeconds: time - previousTime, bitsPerSecond: bitsPerSecond))
            }
            previousTime = time
        }
        guard complete, !periods.isEmpty else { return nil }
        return periods
    }

    /// `CookedTrace.samples(parsing:path:)` from bytes, or `nil` when the reference reader must decide.
    static func cookedSamples(_ bytes: UnsafeBufferPointer<UInt8>) -> (times: [Double], mbps: [Double])? {
        let (isASCII, newlines) = DecimalBytes.scan(bytes)
        guard isASCII else { return nil }
        var times: [Double] = []
        var mbps: [Double] = []
        times.reserveCapacity(newlines + 1)
        mbps.reserveCapacity(newlines + 1)
        let complete = cookedRecords(bytes, wantMbps: true) { time, rate, _ in
            times.append(time)
            mbps.append(rate)
        }
        guard complete, !times.isEmpty else { return nil }
        return (times, mbps)
    }

    /// Calls `record(time, Mbit/s, bit/s)` for each line of a cooked trace, validated as the
    /// reference reader validates it (two fields, numbers ≥ 0, bit/s finite, times that never
    /// decrease); returns `false` at the first line it would reject or cannot parse exactly. The
    /// Mbit/s value is parsed only `wantMbps` (0 otherwise).
    @inline(__always)
    static func cookedRecords(_ bytes: UnsafeBufferPointer<UInt8>, wantMbps: Bool = false, _ record: (Double, Double, Double) -> Void) -> Bool {
        var previousTime = 0.0
        return forEachLine(bytes) { s, e in
            var i = s
            while i < e, !isFieldSeparator(bytes[i]) { i += 1 }
            let timeEnd = i
            while i < e, isFieldSeparator(bytes[i]) { i += 1 }
            let rateStart = i
            guard rateStart < e else { return false }  // one field
            while i < e, !isFieldSeparator(bytes[i]) { i += 1 }
            guard i == e else { return false }  // three or more fields (the line ends in a non-blank byte)
            // bit/s with powerOfTen 6 succeeds only where Mbit/s does (NumberText parses it first).
            guard let time = DecimalBytes.nonNegative(bytes, s, timeEnd),
                let bitsPerSecond = DecimalBytes.nonNegative(bytes, rateStart, e, powerOfTen: 6),
                time >= previousTime
            else { return false }
            var rate = 0.0
            if wantMbps {
                guard let parsed = DecimalBytes.nonNegative(bytes, rateStart, e) else { return false }
                rate = parsed
            }
            record(time, rate, bitsPerSecond)
            previousTime = time
            return true
        }
    }

    // MARK: - Mahimahi

    static func mahimahi(_ bytes: UnsafeBufferPointer<UInt8>) -> [TracePeriod]? {
        var runs: [(startMs: Int, lengthMs: Int, count: Int)] = []
        var atZero = 0
        var previous = 0
        var binCount = 0
        var sawLine = false
        func append(startMs: Int, lengthMs: Int, count: Int) {
            if let last = runs.last, last.count == count { runs[runs.count - 1].lengthMs += lengthMs } else { runs.append((startMs, lengthMs, count)) }
        }
        func close(bin: Int) {
            guard binCount > 0 else { return }
            let cursor = runs.last.map { $0.startMs + $0.lengthMs } ?? 0
            if bin > cursor { append(startMs: cursor, lengthMs: bin - cursor, count: 0) }
            append(startMs: bin, lengthMs: 1, count: binCount)
        }
        let complete = forEachLine(bytes) { s, e in
            sawLine = true
            guard e - s <= 10 else { return false }
            var time = 0
            for i in s..<e {
                let d = bytes[i] &- 0x30
                guard d < 10 else { return false }
                time = time * 10 + Int(d)
            }
            guard time <= MahimahiTrace.maximumTimestampMs, time >= previous else { return false }
            if time == 0 {
                atZero += 1
                return true
            }
            if time != previous {
                close(bin: previous - 1)
                binCount = 0
            }
            binCount += 1
            previous = time
            return true
        }
        guard complete, sawLine, previous > 0 else { return nil }
        binCount += atZero
        close(bin: previous - 1)
        return runs.map {
            TracePeriod(
                durationSeconds: Double($0.lengthMs) / 1000,
                bitsPerSecond: Double($0.count * MahimahiTrace.bitsPerOpportunity) * 1000)
        }
    }

    // MARK: - CSV

    static func csv(_ bytes: UnsafeBufferPointer<UInt8>, lines: Int) -> [TracePeriod]? {
        var header: CSVTrace.Header?
        var periods: [TracePeriod] = []
        periods.reserveCapacity(lines)
        let complete = forEachLine(bytes) { s, e in
            guard let columns = header else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self)
                guard let parsed = try? CSVTrace.parseHeader(line: 1, text: Substring(text), path: "") else { return false }
                header = parsed
                return true
            }
            guard let row = csvRow(bytes, s, e, columns) else { return false }
            periods.append(row)
            return true
        }
        guard complete, header != nil, !periods.isEmpty else { return nil }
        return periods
    }

    /// One CSV row (`bytes[s..<e]`, split on ',' keeping empty fields, as many as the header's).
    @inline(__always)
    static func csvRow(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ columns: CSVTrace.Header) -> TracePeriod? {
        let expected = columns.names.count
        let durationIndex = columns.duration.index, bandwidthIndex = columns.bandwidth.index, latencyIndex = columns.latency?.index ?? -1
        var duration = (0, 0), bandwidth = (0, 0), latency = (0, 0)
        var field = 0
        var fieldStart = s
        var i = s
        while true {
            if i == e || bytes[i] == UInt8(ascii: ",") {
                guard field < expected else { return nil }
                if field == durationIndex { duration = (fieldStart, i) }
                if field == bandwidthIndex { bandwidth = (fieldStart, i) }
                if field == latencyIndex { latency = (fieldStart, i) }
                field += 1
                if i == e { break }
                fieldStart = i + 1
            }
            i += 1
        }
        guard field == expected else { return nil }
        guard let seconds = csvValue(bytes, duration, columns.duration.powerOfTen), seconds > 0,
            let bitsPerSecond = csvValue(bytes, bandwidth, columns.bandwidth.powerOfTen)
        else { return nil }
        var latencySeconds = 0.0
        if let column = columns.latency {
            guard let parsed = csvValue(bytes, latency, column.powerOfTen) else { return nil }
            latencySeconds = parsed
        }
        return TracePeriod(durationSeconds: seconds, bitsPerSecond: bitsPerSecond, latencySeconds: latencySeconds)
    }

    /// A CSV field's number, trimmed of spaces and tabs (what `trimmingCharacters(in: .whitespaces)` removes from ASCII).
    @inline(__always)
    static func csvValue(_ bytes: UnsafeBufferPointer<UInt8>, _ bounds: (Int, Int), _ powerOfTen: Int) -> Double? {
        var (a, b) = bounds
        while a < b, isFieldSeparator(bytes[a]) { a += 1 }
        while b > a, isFieldSeparator(bytes[b - 1]) { b -= 1 }
        return DecimalBytes.nonNegative(bytes, a, b, powerOfTen: powerOfTen)
    }

    // MARK: - Sabre JSON

    static let durationKey = Array("duration_ms".utf8)
    static let bandwidthKey = Array("bandwidth_kbps".utf8)
    static let latencyKey = Array("latency_ms".utf8)

    /// A strict subset of JSON: an array of objects whose keys are exactly Sabre's three (no
    /// escapes, no repeats) and whose values are unsigned JSON numbers that ``DecimalBytes`` parses
    /// exactly. Anything else (other keys, `null`, signs, long mantissas, invalid JSON) is left to
    /// the reference reader and Foundation's decoder.
    static func sabre(_ bytes: UnsafeBufferPointer<UInt8>) -> [TracePeriod]? {
        var scanner = JSONScanner(bytes: bytes)
        return scanner.sabrePeriods()
    }

    /// A cursor over JSON bytes; every method returns `false` or `nil` at anything unexpected.
    struct JSONScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        @inline(__always) mutating func skipSpace() {
            while i < bytes.count {
                let b = bytes[i]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                i += 1
            }
        }

        @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        @inline(__always) func matches(_ key: [UInt8], _ start: Int, _ end: Int) -> Bool {
            guard end - start == key.count else { return false }
            for k in 0..<key.count where bytes[start + k] != key[k] { return false }
            return true
        }

        /// An unsigned JSON number that ``DecimalBytes`` parses exactly.
        @inline(__always) mutating func number() -> Double? {
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                guard (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ".") || b | 0x20 == UInt8(ascii: "e") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
                else { break }
                i += 1
            }
            guard let parts = DecimalBytes.parts(bytes, start, i, json: true) else { return nil }
            return DecimalBytes.value(parts)
        }

        /// `{"duration_ms": …, "bandwidth_kbps": …, "latency_ms": …}` with the cursor on `{`.
        mutating func period() -> TracePeriod? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var duration: Double?
            var bandwidth: Double?
            var latency: Double?
            skipSpace()
            guard !take(UInt8(ascii: "}")) else { return nil }  // no keys: missing duration_ms
            while true {
                skipSpace()
                guard take(UInt8(ascii: "\"")) else { return nil }
                let keyStart = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
                let keyEnd = i
                guard take(UInt8(ascii: "\"")) else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                guard let value = number() else { return nil }
                if matches(FastTraceIngest.durationKey, keyStart, keyEnd) {
                    guard duration == nil else { return nil }
                    duration = value
                } else if matches(FastTraceIngest.bandwidthKey, keyStart, keyEnd) {
                    guard bandwidth == nil else { return nil }
                    bandwidth = value
                } else if matches(FastTraceIngest.latencyKey, keyStart, keyEnd) {
                    guard latency == nil else { return nil }
                    latency = value
                } else {
                    return nil
                }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return nil }
                break
            }
            // The reference reader's arithmetic: ms and kbit/s as decoded, then ÷ 1000 and × 1000.
            guard let durationMs = duration, durationMs > 0, let bandwidthKbps = bandwidth else { return nil }
            let latencyMs = latency ?? 0
            return TracePeriod(durationSeconds: durationMs / 1000, bitsPerSecond: bandwidthKbps * 1000, latencySeconds: latencyMs / 1000)
        }

        mutating func sabrePeriods() -> [TracePeriod]? {
            var periods: [TracePeriod] = []
            periods.reserveCapacity(bytes.count / 64)
            skipSpace()
            guard take(UInt8(ascii: "[")) else { return nil }
            skipSpace()
            guard !take(UInt8(ascii: "]")) else { return nil }  // empty array: the reference reader's error
            while true {
                skipSpace()
                guard let period = period() else { return nil }
                periods.append(period)
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "]")) else { return nil }
                break
            }
            skipSpace()
            guard i == bytes.count else { return nil }
            return periods
        }
    }
}
