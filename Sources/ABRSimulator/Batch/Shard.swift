/// One of `count` equal, contiguous parts of a sweep's sessions, numbered from 0.
///
/// Parts are contiguous in (trace, policy) order, so the shards' outputs, concatenated by index,
/// are exactly the unsharded output; sizes differ by at most one session.
public struct Shard: Hashable, Sendable {
    public let index: Int
    public let count: Int

    /// - Throws: `ModelError` unless `count ≥ 1` and `0 ≤ index < count`.
    public init(index: Int, count: Int) throws(ModelError) {
        guard count >= 1 else { throw ModelError(.invalidConfiguration, "shard count \(count): expected at least 1") }
        guard index >= 0, index < count else {
            throw ModelError(.invalidConfiguration, "shard \(index) of \(count): expected an index from 0 to \(count - 1)")
        }
        self.index = index
        self.count = count
    }

    /// The whole sweep as one shard.
    public static let whole = try! Shard(index: 0, count: 1)

    /// This shard's sessions out of `total`: `[⌊index·total/count⌋, ⌊(index+1)·total/count⌋)`.
    public func sessions(ofTotal total: Int) -> Range<Int> {
        bound(index, total)..<bound(index + 1, total)
    }

    private func bound(_ i: Int, _ total: Int) -> Int {
        i * total / count  // 10^9 sessions × 10^6 shards fits in 64 bits
    }

    /// `I/N`, as `--shard` takes it.
    public var description: String { "\(index)/\(count)" }

    /// The result folder's name for this shard: `shard-I-of-N`, `I` zero-padded to `N − 1`'s
    /// digits so that folders list in shard order.
    public var folderName: String {
        let width = String(count - 1).count
        let number = String(index)
        return "shard-" + String(repeating: "0", count: width - number.count) + number + "-of-\(count)"
    }
}
