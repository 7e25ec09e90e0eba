import Foundation

/// One input from libFuzzer, viewed as the parsers take it.
///
/// libFuzzer owns the bytes and may pass a `count` of 0; nothing here keeps a pointer past the call.
public struct FuzzInput {
    /// The input's bytes, valid for the duration of one `LLVMFuzzerTestOneInput` call.
    public let bytes: UnsafeBufferPointer<UInt8>

    /// Wraps the arguments of `LLVMFuzzerTestOneInput`.
    public init(_ start: UnsafePointer<UInt8>, _ count: Int) {
        bytes = UnsafeBufferPointer(start: count > 0 ? start : nil, count: count)
    }

    /// The bytes, copied.
    public var data: Data { Data(buffer: bytes) }

    /// The bytes as UTF-8 text, decoded as abrkit's file reader decodes a file, or `nil` where it
    /// would refuse the file as "not UTF-8 text" (so a text parser never sees that input).
    public var text: String? { String(data: data, encoding: .utf8) }
}
