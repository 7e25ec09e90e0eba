import Foundation
import LadderCore
import Testing

@testable import ABRFormats

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct DASHWriterTests {
    @Test func bandwidthIsTheSmallestRateThatNeverStalls() {
        // minBufferTime 4 s. 360p: segment 2 alone needs 2.4 Mbit in 4 s = 600 kbit/s; any longer run is
        // cheaper (1 + 2: 4 Mbit in 8 s; 1 + 2 + 3: 4.4 Mbit in 12 s).
        #expect(DASHWriter.bandwidthBitsPerSecond(ManifestFixture.low, minBufferSeconds: 4) == 600_000)
        #expect(DASHWriter.bandwidthBitsPerSecond(ManifestFixture.high, minBufferSeconds: 4) == 1_400_000)
        // A larger buffer lets a run of segments share the time: with 8 s, 1 + 2 + 3 = 10.4 Mbit in 16 s
        // (650 kbit/s) loses to 2 + 3 = 6.4 Mbit in 12 s (533 kbit/s) and 1 + 2 = 9.6 Mbit in 12 s (800 kbit/s).
        #expect(DASHWriter.bandwidthBitsPerSecond(ManifestFixture.high, minBufferSeconds: 8) == 800_000)
    }

    @Test func mpdText() {
        #expect(
            DASHWriter.mpd(video: [ManifestFixture.low, ManifestFixture.high], audio: ManifestFixture.audio) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" type="static" mediaPresentationDuration="PT10.000S" minBufferTime="PT4.000S">
                  <Period id="0" start="PT0.000S">
                    <AdaptationSet id="0" contentType="video" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1">
                      <Representation id="360p" bandwidth="600000" width="640" height="360" codecs="avc1.64001e" frameRate="25" sar="1:1">
                        <SegmentTemplate timescale="90000" initialization="360p/init.mp4" media="360p/segment-$Number%05d$.m4s" startNumber="1">
                          <SegmentTimeline>
                            <S t="0" d="360000" r="1"/>
                            <S d="180000"/>
                          </SegmentTimeline>
                        </SegmentTemplate>
                      </Representation>
                      <Representation id="720p" bandwidth="1400000" width="1280" height="720" codecs="avc1.64001f" frameRate="30000/1001" sar="1:1">
                        <SegmentTemplate timescale="90000" initialization="720p/init.mp4" media="720p/segment-$Number%05d$.m4s" startNumber="1">
                          <SegmentTimeline>
                            <S t="0" d="360000" r="1"/>
                            <S d="180000"/>
                          </SegmentTimeline>
                        </SegmentTemplate>
                      </Representation>
                    </AdaptationSet>
                    <AdaptationSet id="1" contentType="audio" mimeType="audio/mp4" lang="en" segmentAlignment="true" startWithSAP="1">
                      <Representation id="audio" bandwidth="128000" codecs="mp4a.40.2" audioSamplingRate="48000">
                        <AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="2"/>
                        <SegmentTemplate timescale="90000" initialization="audio/init.mp4" media="audio/segment-$Number%05d$.m4s" startNumber="1">
                          <SegmentTimeline>
                            <S t="0" d="360000" r="1"/>
                            <S d="180000"/>
                          </SegmentTimeline>
                        </SegmentTemplate>
                      </Representation>
                    </AdaptationSet>
                  </Period>
                </MPD>

                """
        )
    }

    /// Collects elements and attributes with Foundation's XML parser.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        func parser(
            _ parser: XMLParser,
            didStartElement name: String,
            namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String]
        ) {
            elements.append((name, attributes))
        }
    }

    @Test func mpdIsWellFormedXMLWhoseTimelineSumsToEachDuration() throws {
        // Durations that do not fall on whole ticks at 90 kHz still sum exactly (cumulative rounding).
        let odd = [1.0 / 3, 1.0 / 3, 1.0 / 3, 0.7]
        var weird = ManifestFixture.low
        weird.id = "a&b \"quoted\""
        weird.segments = odd.map { PackagedSegment(durationSeconds: $0, bytes: 1000) }
        let text = DASHWriter.mpd(video: [weird, ManifestFixture.high])
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let representations = collector.elements.filter { $0.name == "Representation" }
        #expect(representations.map { $0.attributes["id"] } == ["a&b \"quoted\"", "720p"])
        #expect(
            representations.map { $0.attributes["bandwidth"] } == [
                "\(DASHWriter.bandwidthBitsPerSecond(weird, minBufferSeconds: 4))", "1400000",
            ]
        )
        // Ticks per representation, in document order.
        var sums: [Int] = []
        for element in collector.elements {
            if element.name == "SegmentTimeline" { sums.append(0) }
            if element.name == "S", let d = Int(element.attributes["d"] ?? ""), !sums.isEmpty {
                sums[sums.count - 1] += d * (1 + (Int(element.attributes["r"] ?? "0") ?? 0))
            }
        }
        #expect(sums == [153_000, 900_000])  // 1.7 s and 10 s at 90 kHz
        #expect(collector.elements.first?.attributes["mediaPresentationDuration"] == "PT10.000S")
    }
}
