import ABRFormats
import ABRSimulator
import Foundation
import LadderCore

/// Runs one parse and sorts what it threw.
///
/// A `FormatError`, `ModelError` or `LadderSpecError` is the parser rejecting bad input with a
/// message, which is its job. Another error type is not a crash either, but it breaks the
/// documented contract, so the first of each type is printed to stderr (a fuzzer's log is where
/// someone will see it) and the run goes on. Only traps, sanitizer reports, timeouts and running
/// out of memory stop the fuzzer.
public enum ParseOutcome {
    /// The value `body` returns, or `nil` when it throws.
    public static func value<T, E: Error>(_ body: () throws(E) -> T) -> T? {
        do {
            return try body()
        } catch {
            if !isDocumented(error) { report(unexpected: error) }
            return nil
        }
    }

    private static let reported = NSLock()
    nonisolated(unsafe) private static var reportedTypes: Set<String> = []

    /// Whether `error` is one of the types abrkit's readers document.
    public static func isDocumented(_ error: any Error) -> Bool {
        error is FormatError || error is ModelError || error is LadderSpecError
    }

    /// Prints the first error of each type to stderr.
    public static func report(unexpected error: any Error) {
        let type = String(reflecting: Swift.type(of: error))
        let isNew = reported.withLock { reportedTypes.insert(type).inserted }
        if isNew {
            FileHandle.standardError.write(Data("abrkit-fuzz: undocumented error type \(type): \(error)\n".utf8))
        }
    }
}
