import LadderCore
import Testing

@testable import ABRFormats

/// Two rungs and an audio track, three segments of 4, 4 and 2 s, with every number worked by hand.
enum ManifestFixture {
    static let durations = [4.0, 4.0, 2.0]

    static func segments(_ bytes: [Int]) -> [PackagedSegment] {
        zip(durations, bytes).map { PackagedSegment(durationSeconds: $0, bytes: $1) }
    }

    // 360p: 1.6, 2.4 and 0.4 Mbit → 400, 600, 200 kbit/s per segment; 2+3 together 466.7 kbit/s.
    static let low = PackagedRendition(
        id: "360p",
        directory: "360p",
        codecString: "avc1.64001e",
        media: .video(width: 640, height: 360, frameRate: FrameRate(25)),
        segments: segments([200_000, 300_000, 50_000])
    )
    // 720p: 4, 5.6 and 0.8 Mbit → 1000, 1400, 400 kbit/s; average 10.4 Mbit / 10 s.
    static let high = PackagedRendition(
        id: "720p",
        directory: "720p",
        codecString: "avc1.64001f",
        media: .video(width: 1280, height: 720, frameRate: FrameRate(30000, 1001)),
        segments: segments([500_000, 700_000, 100_000])
    )
    // Audio: a constant 128 kbit/s.
    static let audio = PackagedRendition(
        id: "audio",
        directory: "audio",
        codecString: "mp4a.40.2",
        media: .audio(sampleRate: 48_000, channels: 2, language: "en"),
        segments: segments([64_000, 64_000, 32_000])
    )
}

@Suite struct HLSWriterTests {
    @Test func measuredRatesMatchHandArithmetic() {
        #expect(ManifestFixture.low.peakBitsPerSecond == 600_000)
        #expect(ManifestFixture.low.averageBitsPerSecond == 440_000)  // 4.4 Mbit / 10 s
        #expect(ManifestFixture.high.peakBitsPerSecond == 1_400_000)
        #expect(ManifestFixture.high.averageBitsPerSecond == 1_040_000)
        #expect(ManifestFixture.audio.peakBitsPerSecond == 128_000)
    }

    @Test func peakIgnoresALoneShortLastSegment() {
        // 4 s, 4 s, 0.5 s of 100 kB each: the 0.5 s segment alone (1.6 Mbit/s) is shorter than half the
        // 4 s target, so RFC 8216 counts it only with its neighbour: 1.6 Mbit / 4.5 s = 355 555.6 bit/s.
        let rendition = PackagedRendition(
            id: "r",
            directory: "r",
            codecString: "avc1.64001e",
            media: .video(width: 640, height: 360, frameRate: FrameRate(25)),
            segments: [4.0, 4.0, 0.5].map { PackagedSegment(durationSeconds: $0, bytes: 100_000) }
        )
        #expect(rendition.peakBitsPerSecond == 355_556)
    }

    @Test(arguments: [([4.0, 4.0, 2.0], 4), ([4.0005], 4), ([4.002], 5), ([6.006, 6.006], 7), ([0.2], 1)])
    func targetDurationIsTheCeilingOfTheLongestSegment(durations: [Double], expected: Int) {
        #expect(PackagedRendition.targetDurationSeconds(durations) == expected)
    }

    @Test func mediaPlaylistText() {
        #expect(
            HLSWriter.media(ManifestFixture.high) == """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXTINF:4.000000,
                segment-00001.m4s
                #EXTINF:4.000000,
                segment-00002.m4s
                #EXTINF:2.000000,
                segment-00003.m4s
                #EXT-X-ENDLIST

                """
        )
    }

    @Test func masterPlaylistWithoutAudio() {
        #expect(
            HLSWriter.master(video: [ManifestFixture.low, ManifestFixture.high]) == """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=600000,AVERAGE-BANDWIDTH=440000,CODECS="avc1.64001e",RESOLUTION=640x360,FRAME-RATE=25.000
                360p/playlist.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1400000,AVERAGE-BANDWIDTH=1040000,CODECS="avc1.64001f",RESOLUTION=1280x720,FRAME-RATE=29.970
                720p/playlist.m3u8

                """
        )
    }

    @Test func masterPlaylistWithAudioAddsItsRates() {
        #expect(
            HLSWriter.master(video: [ManifestFixture.low, ManifestFixture.high], audio: ManifestFixture.audio) == """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="en",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/playlist.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=728000,AVERAGE-BANDWIDTH=568000,CODECS="avc1.64001e,mp4a.40.2",RESOLUTION=640x360,FRAME-RATE=25.000,AUDIO="audio"
                360p/playlist.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1528000,AVERAGE-BANDWIDTH=1168000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=1280x720,FRAME-RATE=29.970,AUDIO="audio"
                720p/playlist.m3u8

                """
        )
    }

    @Test func segmentNamesAreZeroPaddedAndMatchTheDASHTemplate() {
        #expect(SegmentNaming.mediaSegment(number: 1) == "segment-00001.m4s")
        #expect(SegmentNaming.mediaSegment(number: 123_456) == "segment-123456.m4s")
        #expect(
            SegmentNaming.dashMediaTemplate.replacingOccurrences(of: "$Number%05d$", with: "00042")
                == SegmentNaming.mediaSegment(number: 42)
        )
    }
}
