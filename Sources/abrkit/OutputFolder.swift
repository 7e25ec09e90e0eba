import Foundation

/// The folder a command writes its results into.
enum OutputFolder {
    /// Creates `path` (and its parents) if needed.
    ///
    /// - Throws: `CLIError` naming the folder when it cannot be created (a file in the way, no permission).
    static func create(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the output folder \(path): \(error.localizedDescription)")
        }
    }
}
