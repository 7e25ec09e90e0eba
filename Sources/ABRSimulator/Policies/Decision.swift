/// A policy's choice for the next segment, with the rule that produced it.
public struct Decision: Hashable, Sendable {
    /// The level to request.
    public var level: Int
    /// Why: reported per segment in `segments.csv`.
    public var reason: DecisionReason

    public init(level: Int, reason: DecisionReason) {
        self.level = level
        self.reason = reason
    }
}

/// Why a level was chosen: a rule name and the quantity that decided it.
///
/// Kept allocation-free (a static rule name and one number) so that reasons cost nothing in
/// hot simulation loops; the text is built only when a report is written.
public struct DecisionReason: Hashable, Sendable, CustomStringConvertible {
    /// The rule, e.g. "bba.cushion" or "throughput.estimate".
    public var rule: String
    /// The deciding quantity's name, e.g. "buffer_s" (empty when there is none).
    public var quantity: String
    /// The deciding quantity's value.
    public var value: Double

    public init(_ rule: StaticString, _ quantity: StaticString = "", _ value: Double = 0) {
        self.rule = rule.description
        self.quantity = quantity.description
        self.value = value
    }

    /// For policies whose rule names are built at run time (external processes).
    public init(text: String) {
        self.rule = text
        self.quantity = ""
        self.value = 0
    }

    /// Digits after the point of `value` in `description`: enough for kbit/s, seconds and bytes.
    static let descriptionDigits = 3

    public var description: String {
        var bytes: [UInt8] = []
        appendDescription(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description` as UTF-8, without making a `String` (one per row of `segments.csv`).
    public func appendDescription(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: rule.utf8)
        guard !quantity.isEmpty else { return }
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: quantity.utf8)
        bytes.append(UInt8(ascii: "="))
        NumberFormat.appendDecimal(value, digits: Self.descriptionDigits, to: &bytes)
    }
}
