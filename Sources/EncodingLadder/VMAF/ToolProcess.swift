// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import Foundation

/// Runs a short helper program (ffmpeg's filter list, python3) to completion and keeps one of
/// its output streams; the other goes to /dev/null, so no pipe can fill up and deadlock.
enum ToolProcess {
    struct Result {
        var status: Int32
        var output: String
    }

    /// - Parameter standardError: keep standard error (where ffmpeg logs) instead of standard output.
    /// - Returns: nil when the program cannot be started at all.
    static func run(_ executable: String, _ arguments: [String], standardError: Bool = false) -> Result? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = standardError ? FileHandle.nullDevice : pipe
        process.standardError = standardError ? pipe : FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The first executable file named `name` in the `PATH` directories, if any.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

#endif
