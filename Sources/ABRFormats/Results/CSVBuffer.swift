import ABRSimulator

/// CSV rows built as bytes (RFC 4180: comma-separated, fields with commas, quotes or line breaks
/// quoted, quotes doubled; numbers by `NumberFormat`), for files of millions of rows: no
/// `String` per field or per row, and the caller drains `bytes` to disk as it goes.
public struct CSVBuffer: Sendable {
    /// The rows so far, UTF-8.
    public var bytes: [UInt8] = []
    private var rowStarted = false

    public init() {}

    /// Appends a text field, quoted when it needs to be.
    public mutating func field(_ text: String) {
        field(utf8: text.utf8)
    }

    /// Appends a text field given as UTF-8, quoted when it needs to be.
    public mutating func field(utf8: some Collection<UInt8>) {
        separate()
        guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends an integer field.
    public mutating func field(_ value: Int) {
        separate()
        NumberFormat.appendInteger(Int64(value), to: &bytes)
    }

    /// Appends a number field as `NumberFormat.decimal(_:digits:)` writes it.
    public mutating func decimal(_ value: Double) {
        separate()
        NumberFormat.appendDecimal(value, to: &bytes)
    }

    /// Appends fields encoded once by another buffer (``encoded``), e.g. the trace and policy
    /// that start every row of a session, without re-checking them for quoting.
    public mutating func fields(_ encoded: EncodedFields) {
        separate()
        bytes.append(contentsOf: encoded.bytes)
    }

    /// What this buffer holds (fields of one unfinished row) as fields to repeat with ``fields(_:)``.
    public var encoded: EncodedFields { EncodedFields(bytes: bytes) }

    /// Appends a whole row of text fields.
    public mutating func row(_ fields: [String]) {
        for text in fields { field(text) }
        endRow()
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        rowStarted = false
    }

    private mutating func separate() {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
    }
}

/// Fields already quoted and joined with commas, to repeat at the start of many rows.
public struct EncodedFields: Sendable {
    let bytes: [UInt8]
}

extension CSVBuffer {
    /// Appends one row written through a raw buffer of `maximumBytes`, copied in with one append:
    /// for `segments.csv`, where a million rows of fifteen fields would otherwise pay an array
    /// append (capacity and uniqueness checks) per field, separator and digit run.
    public mutating func appendRow(maximumBytes: Int, _ body: (inout CSVRowWriter) -> Void) {
        precondition(!rowStarted, "a row written whole starts on its own")
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumBytes) { buffer in
            var row = CSVRowWriter(base: buffer.baseAddress!, capacity: maximumBytes)
            body(&row)
            row.put(UInt8(ascii: "\n"))
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: row.count))
        }
    }
}

/// One CSV row's fields written at a pointer, bounds-checked against the buffer's capacity.
public struct CSVRowWriter {
    /// Room one number field needs, separator included.
    public static let numberBytes = NumberFormat.maximumDecimalBytes + 1
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    fileprivate private(set) var count = 0

    fileprivate init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Room a text field of `utf8Count` bytes needs at most (every byte a doubled quote, two quotes, a separator).
    public static func textBytes(_ utf8Count: Int) -> Int { 2 * utf8Count + 3 }

    public mutating func decimal(_ value: Double) {
        separate(Self.numberBytes)
        count += NumberFormat.writeDecimal(value, to: base + count)
    }

    public mutating func integer(_ value: Int) {
        separate(Self.numberBytes)
        count += NumberFormat.writeInteger(value, to: base + count)
    }

    public mutating func fields(_ encoded: EncodedFields) {
        separate(encoded.bytes.count + 1)
        encoded.bytes.withUnsafeBufferPointer { base.advanced(by: count).update(from: $0.baseAddress!, count: $0.count) }
        count += encoded.bytes.count
    }

    /// A text field, quoted when it holds a comma, quote or line break.
    public mutating func text(utf8: [UInt8]) {
        separate(Self.textBytes(utf8.count))
        let special = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        if special { put(UInt8(ascii: "\"")) }
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { put(byte) }
            put(byte)
        }
        if special { put(UInt8(ascii: "\"")) }
    }

    fileprivate mutating func put(_ byte: UInt8) {
        precondition(count < capacity, "row buffer overflow")
        base[count] = byte
        count += 1
    }

    private mutating func separate(_ room: Int) {
        precondition(count + room + 1 <= capacity, "row buffer too small")
        if count > 0 || started { put(UInt8(ascii: ",")) }
        started = true
    }

    private var started = false
}
