import Foundation

/// Atomic exchange of two paths, where the operating system offers one.
///
/// Linux has `renameat2(…, RENAME_EXCHANGE)` (glibc 2.28+) and macOS `renamex_np(…, RENAME_SWAP)`;
/// neither is in Swift's C overlays, so they are looked up at run time.
enum PathSwap {
    /// Linux's `RENAME_EXCHANGE` and macOS's `RENAME_SWAP` flags (both 2).
    private static let exchangeFlag: UInt32 = 2

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private typealias RenameXNP = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UInt32) -> Int32

    /// Swaps what `a` and `b` name in one step, so a reader sees one or the other, never neither.
    ///
    /// - Returns: `false` when the system has no such call (or it failed): then nothing changed.
    static func exchange(_ a: String, _ b: String) -> Bool {
        let handle = dlopen(nil, RTLD_NOW)
        defer { if let handle { dlclose(handle) } }
        if let symbol = dlsym(handle, "renameat2") {
            let call = unsafeBitCast(symbol, to: RenameAt2.self)
            return call(atCurrentDirectory, a, atCurrentDirectory, b, exchangeFlag) == 0
        }
        if let symbol = dlsym(handle, "renamex_np") {
            return unsafeBitCast(symbol, to: RenameXNP.self)(a, b, exchangeFlag) == 0
        }
        return false
    }

    /// `AT_FDCWD`: paths relative to the working directory (-100 on Linux, -2 on macOS).
    private static var atCurrentDirectory: Int32 { Int32(AT_FDCWD) }
}
