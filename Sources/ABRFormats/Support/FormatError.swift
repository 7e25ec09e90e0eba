import ABRSimulator

/// A file abrkit could not read or write: which file, where in it, which value, and what was expected.
///
/// The `description` reads like a compiler diagnostic, so a user can jump to the spot:
/// `traces/x.log:17: bandwidth "abc" is not a number; expected Mbit/s ≥ 0`.
/// JSON inputs name the element by its coding path (`[3].bandwidth_kbps`) instead of a line.
public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem was found.
    public enum Code: String, Hashable, Sendable {
        /// The path does not exist.
        case fileNotFound
        /// The path exists but could not be read or written (permissions, a directory where a file was expected, not UTF-8).
        case unreadable
        /// The file holds no data lines.
        case emptyFile
        /// A field that should be a number is not one.
        case notANumber
        /// A number is negative, NaN, infinite or otherwise outside its allowed range.
        case outOfRange
        /// Timestamps go backwards.
        case nonMonotoneTime
        /// A line has the wrong number of fields, or a required column or key is missing.
        case malformedRecord
        /// The JSON is not well formed or does not have the expected shape.
        case invalidJSON
        /// The format could not be detected, or a named format does not exist.
        case unknownFormat
        /// Tables that must agree do not (ragged size tables, a level count that differs from the bitrates).
        case inconsistentTable
        /// The data was read but the engine rejected it (see `cause`).
        case invalidModel
        /// The data cannot be expressed in the requested output format.
        case notRepresentable
        /// An output folder is in use by another run, or holds files abrkit did not write.
        case outputConflict
        /// A path named inside a file (an HLS URI) leads outside the folder of the file the user named.
        case outsideFolder
        /// Result folders to merge are not the shards of one sweep: missing, repeated, incomplete,
        /// or run with other inputs or options.
        case shardMismatch
    }

    public var code: Code
    /// The file (or folder) concerned, as the user named it.
    public var path: String
    /// 1-based line number, when the format has lines.
    public var line: Int?
    /// JSON coding path such as `[3].bandwidth_kbps`, when the format is JSON.
    public var codingPath: String?
    /// The offending text or value, verbatim, when there is one.
    public var value: String?
    /// The problem, as a short human phrase (it may quote `value`).
    public var problem: String
    /// What would have been accepted, e.g. "Mbit/s ≥ 0".
    public var expected: String?
    /// The engine's rejection, when `code` is `.invalidModel`.
    public var cause: ModelError?

    public init(
        _ code: Code, path: String, line: Int? = nil, codingPath: String? = nil, value: String? = nil,
        problem: String, expected: String? = nil, cause: ModelError? = nil
    ) {
        self.code = code
        self.path = path
        self.line = line
        self.codingPath = codingPath
        self.value = value
        self.problem = problem
        self.expected = expected
        self.cause = cause
    }

    /// Wraps the engine's rejection of a model built from `path`.
    public init(_ cause: ModelError, path: String) {
        self.init(.invalidModel, path: path, problem: cause.message, cause: cause)
    }

    /// A field that is not a number: `bandwidth "abc" is not a number; expected Mbit/s ≥ 0`.
    static func notANumber(_ field: String, _ text: some StringProtocol, path: String, line: Int?, expected: String) -> FormatError {
        FormatError(
            .notANumber, path: path, line: line, value: String(text),
            problem: "\(field) \"\(text)\" is not a number", expected: expected)
    }

    /// A number outside its range: `bandwidth -3 is out of range; expected Mbit/s ≥ 0`.
    static func outOfRange(
        _ field: String, _ text: some StringProtocol, path: String, line: Int? = nil,
        codingPath: String? = nil, expected: String
    ) -> FormatError {
        FormatError(
            .outOfRange, path: path, line: line, codingPath: codingPath, value: String(text),
            problem: "\(field) \(text) is out of range", expected: expected)
    }

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let codingPath, !codingPath.isEmpty { location += ": \(codingPath)" }
        var text = "\(location): \(problem)"
        if let expected { text += "; expected \(expected)" }
        return text
    }
}
