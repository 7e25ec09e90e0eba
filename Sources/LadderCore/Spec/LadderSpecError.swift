/// A ladder file or preset that cannot be used, with the file, the field and what was expected.
public struct LadderSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unknownPreset, fileNotFound, unreadable, invalidJSON
        case unknownField, missingField, wrongType, invalidValue
    }

    public var code: Code
    /// The file (or "preset NAME") the problem is in.
    public var file: String
    /// Dotted path of the field, e.g. `rungs[2] "720p".maxrate_kbps`; `nil` for whole-file problems.
    public var field: String?
    /// A human sentence with the offending value and what was expected.
    public var message: String
    /// The underlying error (a file-system or JSON error), if any.
    public var cause: String?

    public init(_ code: Code, file: String, field: String? = nil, _ message: String, cause: String? = nil) {
        self.code = code; self.file = file; self.field = field; self.message = message; self.cause = cause
    }

    public var description: String {
        var text = file
        if let field { text += ": \(field)" }
        text += ": \(message)"
        if let cause { text += " (\(cause))" }
        return text
    }
}
