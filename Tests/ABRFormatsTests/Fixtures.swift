import Foundation

/// Paths the tests need: the package root, the shared real data beside it, and scratch folders.
enum Fixtures {
    /// The package root, from this file's path (Tests/ABRFormatsTests/Fixtures.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/data`: public data sets kept outside the repository (see its README).
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedData.path) }

    /// A fresh, empty scratch folder.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("abrkit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a new file named `name` in a fresh scratch folder and returns its path.
    static func file(_ name: String, _ text: String) throws -> String {
        let url = try scratchFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
