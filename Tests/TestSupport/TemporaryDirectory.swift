import Foundation

/// A fresh, empty folder under the system's temporary directory, removed with everything in it
/// when the value is released, so tests leave nothing behind.
///
/// Bind it to a local that lives as long as the test uses the folder, and take paths from it:
///
/// ```swift
/// let scratch = try TemporaryDirectory()
/// let path = try scratch.file("trace.txt", "0 1\n")
/// ```
///
/// Never `try TemporaryDirectory().path(…)` inline: the folder is gone before the path is used.
public final class TemporaryDirectory: @unchecked Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder.
    ///
    /// - Throws: the file system's error when it cannot be created.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("abrkit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder (nothing is created).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func file(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Creates the folder `name` inside this one (and any missing parents) and returns its URL.
    @discardableResult
    public func directory(_ name: String) throws -> URL {
        let url = self.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
