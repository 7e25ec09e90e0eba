/// An invalid model value: a trace, video or configuration the engine cannot simulate.
///
/// The engine has no files, so the error names the field and the offending value; readers in
/// `ABRFormats` wrap it with the file and line it came from.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of model value was rejected.
    public enum Code: String, Sendable {
        case emptyTrace, invalidPeriod, zeroBandwidthTrace
        case noLevels, noSegments, raggedSizes, invalidSize, invalidLevel, invalidDuration, invalidQuality
        case invalidConfiguration
    }

    public var code: Code
    /// A human sentence naming the field, the value and what was expected.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
