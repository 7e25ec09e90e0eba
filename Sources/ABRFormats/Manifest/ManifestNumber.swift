import LadderCore
import Foundation

/// Locale-independent number formatting for manifests (always "." as the decimal point).
enum ManifestNumber {
    /// `value` with exactly `digits` digits after the point.
    static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", locale: Locale(identifier: "en_US_POSIX"), value)
    }

    /// An ISO 8601 duration in seconds with millisecond precision, as DASH uses: `PT12.345S`.
    static func isoDuration(seconds: Double) -> String { "PT\(fixed(seconds, digits: 3))S" }
}
