/// FNV-1a, 64-bit (Fowler–Noll–Vo; draft-eastlake-fnv): a stable, seedless hash for naming
/// streams and fingerprinting inputs. Not cryptographic: it tells runs of different inputs apart,
/// it does not defend against crafted collisions.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325  // offset basis

    public init() {}

    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3  // FNV prime
    }

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// Adds the 8 little-endian bytes of `word`.
    public mutating func add(word: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
    }

    /// Adds a string's UTF-8 bytes and then its length, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(field: String) {
        add(field.utf8)
        add(word: UInt64(field.utf8.count))
    }

    /// The value as 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
