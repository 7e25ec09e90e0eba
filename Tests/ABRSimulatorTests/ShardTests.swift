import Testing

@testable import ABRSimulator

@Suite struct ShardTests {
    @Test(arguments: [0, 1, 5, 99, 495, 1000])
    func shardsAreContiguousEqualPartsCoveringEverySession(total: Int) throws {
        for count in [1, 2, 3, 7, 16, 1000] {
            let ranges = try (0..<count).map { try Shard(index: $0, count: count).sessions(ofTotal: total) }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == total)
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
            let sizes = ranges.map(\.count)
            #expect(sizes.max()! - sizes.min()! <= 1, "\(count) shards of \(total): \(sizes)")
        }
    }

    @Test func aHandComputedSplit() throws {
        // 10 sessions in 3 shards: ⌊0⌋, ⌊10/3⌋ = 3, ⌊20/3⌋ = 6, 10.
        #expect(try (0..<3).map { try Shard(index: $0, count: 3).sessions(ofTotal: 10) } == [0..<3, 3..<6, 6..<10])
    }

    @Test(arguments: [(3, 2), (2, 2), (0, 0), (-1, 4), (0, -3)])
    func indicesOutsideTheCountAreRefused(index: Int, count: Int) {
        #expect(throws: ModelError.self) { try Shard(index: index, count: count) }
    }

    @Test func theLastAndFirstValidShardsAreAccepted() throws {
        #expect(try Shard(index: 0, count: 1) == .whole)
        #expect(try Shard(index: 3, count: 4).description == "3/4")
    }

    @Test func folderNamesSortInShardOrder() throws {
        #expect(try Shard(index: 0, count: 1).folderName == "shard-0-of-1")
        #expect(try Shard(index: 3, count: 10).folderName == "shard-3-of-10")
        #expect(try Shard(index: 3, count: 11).folderName == "shard-03-of-11")
        let names = try (0..<120).map { try Shard(index: $0, count: 120).folderName }
        #expect(names == names.sorted())
    }
}
