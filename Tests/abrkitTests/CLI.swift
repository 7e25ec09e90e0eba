import Foundation
import TestSupport

/// Runs the built `abrkit` binary in a child process for end-to-end tests.
///
/// Finding the binary: `swift test` builds every product before running tests, and this test
/// target depends on the `abrkit` target, so `abrkit` sits in the same products folder as the
/// test runner (`Bundle.main.bundleURL` on Linux, the `.xctest` bundle's parent on macOS; the
/// approach swift-argument-parser's own tests use). If it is not there (an unusual build
/// layout), we fall back to `<package root>/.build/debug/abrkit`.
enum CLI {
    static var binary: URL {
        #if os(macOS)
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent() ?? Bundle.main.bundleURL
        #else
        let products = Bundle.main.bundleURL
        #endif
        let beside = products.appendingPathComponent("abrkit")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return PackageRoot.url.appendingPathComponent(".build/debug/abrkit")
    }

    /// Runs `abrkit ARGUMENTS` in the package root (so `traces/…` and `ladders/…` resolve) and waits for it.
    static func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run(binary, arguments)
    }
}
