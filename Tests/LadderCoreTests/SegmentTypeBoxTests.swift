import Testing

@testable import LadderCore

/// The `styp` box's bytes, written out by hand from ISO/IEC 14496-12's FileTypeBox layout.
@Suite struct SegmentTypeBoxTests {
    @Test func boxIsSizeTypeMajorMinorThenCompatibleBrands() {
        let expected: [UInt8] =
            [0, 0, 0, 28] + Array("styp".utf8) + Array("cmfs".utf8) + [0, 0, 0, 0]
            + Array("cmfs".utf8) + Array("cmff".utf8) + Array("msdh".utf8)
        #expect(SegmentTypeBox.bytes == expected)
    }

    @Test func declaresADASHMediaSegmentButNotAnIndexedOne() {
        #expect(SegmentTypeBox.compatibleBrands.contains("msdh"))
        #expect(SegmentTypeBox.compatibleBrands.contains(SegmentTypeBox.majorBrand))
        // msix promises a sidx box, and the segments carry none.
        #expect(!SegmentTypeBox.compatibleBrands.contains("msix"))
    }

    @Test(arguments: [0, 1, 5])
    func sizeGrowsByFourBytesPerCompatibleBrand(_ count: Int) {
        let box = SegmentTypeBox.make(major: "msdh", minor: 7, compatible: Array(repeating: "msdh", count: count))
        #expect(box.count == 16 + 4 * count)
        #expect(Array(box[0..<4]) == [0, 0, 0, UInt8(16 + 4 * count)])
        #expect(Array(box[12..<16]) == [0, 0, 0, 7])
    }

    @Test func defaultColourIsBT709LimitedRange() {
        let colour = ColourDescription.bt709LimitedRange
        #expect([colour.primaries, colour.transfer, colour.matrix] == [1, 1, 1])
        #expect(!colour.fullRange)
    }
}
