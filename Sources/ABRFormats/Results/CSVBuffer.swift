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
