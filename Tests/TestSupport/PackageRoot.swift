import Foundation

/// Where the tests find the repository and the shared data sets beside it.
public enum PackageRoot {
    /// The package root, from this file's path (`Tests/TestSupport/PackageRoot.swift`).
    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path inside the package, e.g. `Tests/Fixtures/sabre`.
    public static func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// `../shared/data`: public data sets kept outside the repository (see its README). A user's
    /// clone does not have it; tests that read it skip, saying so.
    public static let sharedData = url.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// Whether `../shared/data` exists here.
    public static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedData.path) }
}
