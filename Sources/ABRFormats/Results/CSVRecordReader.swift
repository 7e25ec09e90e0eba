import Foundation

/// Reads an RFC 4180 CSV file one record at a time, in 1 MiB reads, so a sessions.csv of
/// millions of rows is never in memory whole. Each record comes with its raw bytes (line break
/// included), for callers that copy rows through unchanged.
public final class CSVRecordReader {
    public let path: String
    /// The line the last record returned started on (1 for the header).
    public private(set) var line = 0
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var nextLine = 1

    public init(path: String) throws(FormatError) {
        self.path = path
        do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw FormatError(.fileNotFound, path: path, problem: "cannot open: \(error.localizedDescription)")
        }
    }

    deinit { try? handle.close() }

    /// The next record's fields and raw bytes, or nil at the end of the file.
    ///
    /// - Throws: `FormatError` for an unterminated quote (naming the line it started on) or a
    ///   read error.
    /// - Parameter split: false to skip splitting the record (`fields` is then empty), for
    ///   callers that only copy rows.
    public func next(fields split: Bool = true) throws(FormatError) -> (fields: [String], raw: ArraySlice<UInt8>)? {
        var scanned = start
        var quoted = false
        var newlines = 0
        while true {
            while scanned < buffer.count {
                let byte = buffer[scanned]
                scanned += 1
                if byte == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if byte == UInt8(ascii: "\n") {
                    newlines += 1
                    if !quoted { return record(upTo: scanned, newlines: newlines, split: split) }
                }
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                guard !quoted else {
                    throw FormatError(.malformedRecord, path: path, line: nextLine, problem: "a quoted field is never closed", expected: "RFC 4180 CSV")
                }
                return record(upTo: buffer.count, newlines: newlines, split: split)
            }
            scanned -= try refill()
        }
    }

    private func record(upTo end: Int, newlines: Int, split: Bool) -> (fields: [String], raw: ArraySlice<UInt8>) {
        let raw = buffer[start..<end]
        start = end
        line = nextLine
        nextLine += newlines
        return (split ? Self.fields(raw) : [], raw)
    }

    /// Drops consumed bytes and appends the next read; returns how many bytes were dropped.
    private func refill() throws(FormatError) -> Int {
        let chunk: Data?
        do { chunk = try handle.read(upToCount: 1 << 20) } catch {
            throw FormatError(.unreadable, path: path, problem: "cannot read: \(error.localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return 0
        }
        let dropped = start
        buffer.removeSubrange(0..<dropped)
        start = 0
        buffer.append(contentsOf: chunk)
        return dropped
    }

    /// A record's fields: quotes removed, doubled quotes made single, the line break dropped.
    static func fields(_ raw: ArraySlice<UInt8>) -> [String] {
        var end = raw.endIndex
        if end > raw.startIndex, raw[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > raw.startIndex, raw[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var i = raw.startIndex
        while i < end {
            let byte = raw[i]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < end, raw[i + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
            }
            i += 1
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
