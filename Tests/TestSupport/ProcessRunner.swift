import Foundation

/// Runs a program to completion and captures what it printed: the one process runner of the tests
/// (the CLI's end-to-end tests, the ffmpeg/ffprobe oracles, Python reference scripts).
public enum ProcessRunner {
    /// What a finished process left.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// A process that exited non-zero, with its command line and standard error.
    public struct Failure: Error, CustomStringConvertible {
        public var command: [String]
        public var status: Int32
        public var standardError: String
        public var description: String { "\(command.joined(separator: " ")) exited \(status): \(standardError)" }
    }

    /// Runs `executable` with `arguments` and waits for it.
    ///
    /// Both pipes are read to their end before waiting, so a large output cannot fill a pipe and deadlock.
    ///
    /// - Parameters:
    ///   - executable: the program's path.
    ///   - arguments: its arguments.
    ///   - directory: the working directory (default: the package root, so relative paths mean the same in every test).
    ///   - environment: extra environment variables, added to this process's own.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL = PackageRoot.url, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a program found on `PATH` (through `/usr/bin/env`).
    ///
    /// - Returns: its standard output, or its standard error when `returningStandardError` (where ffmpeg logs).
    /// - Throws: ``Failure`` when it exits non-zero.
    @discardableResult
    public static func tool(_ arguments: [String], returningStandardError: Bool = false) throws -> String {
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), arguments)
        guard result.status == 0 else { throw Failure(command: arguments, status: result.status, standardError: result.stderr) }
        return returningStandardError ? result.stderr : result.stdout
    }

    /// Whether a program is on `PATH`.
    public static func isAvailable(_ name: String) -> Bool {
        (try? run(URL(fileURLWithPath: "/usr/bin/env"), ["sh", "-c", "command -v \(name)"]).status) == 0
    }
}
