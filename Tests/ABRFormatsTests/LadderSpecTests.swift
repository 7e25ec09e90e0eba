import ABRSimulator
import Foundation
import TestSupport
import Testing

@testable import ABRFormats
@testable import LadderCore

/// Loading presets and files, and every validation rule with the error it gives.
@Suite struct LadderSpecTests {
    static let laddersDirectory = PackageRoot.path("ladders")

    @Test func embeddedPresetsAreExactlyTheLadderFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.laddersDirectory).filter {
            $0.hasSuffix(".json")
        }
        #expect(
            Set(files.map { String($0.dropLast(5)) }) == Set(LadderSpec.presetNames),
            "run scripts/embed-ladders.sh after adding or removing a preset"
        )
        for file in files {
            let text = try String(contentsOfFile: "\(Self.laddersDirectory)/\(file)", encoding: .utf8)
            #expect(
                LadderPresets.json[String(file.dropLast(5))] == text,
                "\(file) changed: run scripts/embed-ladders.sh"
            )
        }
    }

    @Test(arguments: ["sd-hd-4k", "netflix-2015", "apple-hls-h264", "apple-hls-hevc"])
    func presetsLoadFromFileAndFromBinaryIdentically(name: String) throws {
        let fromFile = try LadderSpec.load(nameOrPath: name, searchDirectory: Self.laddersDirectory)
        let embedded = try LadderSpec.load(nameOrPath: name)
        let byPath = try LadderSpec.load(nameOrPath: "\(Self.laddersDirectory)/\(name).json")
        #expect(fromFile == embedded && byPath == embedded)
        #expect(embedded.name == name)
    }

    @Test func publishedLaddersHaveTheirPublishedEnds() throws {
        let netflix = try LadderSpec.preset(named: "netflix-2015")
        #expect(netflix.rungs.count == 10)
        #expect(netflix.rungs.first.map { [$0.bitrateKbps, $0.width, $0.height] } == [235, 320, 240])
        #expect(netflix.rungs.last.map { [$0.bitrateKbps, $0.width, $0.height] } == [5800, 1920, 1080])
        let apple = try LadderSpec.preset(named: "apple-hls-h264")
        #expect(apple.rungs.first.map { [$0.bitrateKbps, $0.width, $0.height] } == [145, 416, 234])
        #expect(apple.rungs.last.map { [$0.bitrateKbps, $0.width, $0.height] } == [7800, 1920, 1080])
        #expect(apple.segmentSeconds == 6)
        let hevc = try LadderSpec.preset(named: "apple-hls-hevc")
        #expect(hevc.rungs.allSatisfy { $0.codec == .libx265 })
    }

    @Test func defaultLadderHoldsEveryCapEvenAtPeak() throws {
        let spec = try LadderSpec.preset(named: "sd-hd-4k")
        #expect(Set(spec.rungs.map(\.videoClass)) == [.sd, .hd, .uhd])
        for rung in spec.rungs {
            let bound = try #require(rung.peakBoundKbps(segmentSeconds: spec.segmentSeconds))
            let verdict = spec.dataCapVerdict(for: rung, gbPerHour: DataRate.gbPerHour(kbps: bound))
            #expect(
                verdict.withinCap,
                "\(rung.name): peak bound \(bound) kbps is \(verdict.gbPerHour) GB/h > \(verdict.capGBPerHour)"
            )
        }
    }

    @Test func fileWinsOverEmbeddedPresetInSearchDirectory() throws {
        let dir = try TemporaryDirectory()
        try dir.file("sd-hd-4k.json", Self.json(rungs: [Self.rung()]).replacingOccurrences(of: "\"test\"", with: "\"sd-hd-4k\""))
        let spec = try LadderSpec.load(nameOrPath: "sd-hd-4k", searchDirectory: dir.url.path)
        #expect(spec.rungs.count == 1)
        // Absent from the directory: falls back to the binary's copy.
        #expect(try LadderSpec.load(nameOrPath: "netflix-2015", searchDirectory: dir.url.path).rungs.count == 10)
    }

    @Test func defaultsApplyWhenOptionalFieldsAreAbsent() throws {
        let spec = try LadderSpec.decode(Data(Self.json(rungs: [Self.rung()], extra: "").utf8), file: "t.json")
        #expect(spec.segmentSeconds == LadderSpec.defaultSegmentSeconds)
        #expect(spec.gopFrames == nil)
        #expect(spec.dataCaps == DataCaps(sdGBPerHour: 1, hdGBPerHour: 3, uhdGBPerHour: 7))
    }

    @Test func unknownPresetListsTheKnownOnes() {
        let error = #expect(throws: LadderSpecError.self) { try LadderSpec.load(nameOrPath: "sd-hd-8k") }
        #expect(error?.code == .unknownPreset)
        #expect(error?.description.contains("sd-hd-4k") == true)
    }

    @Test func missingFileIsNamed() {
        let error = #expect(throws: LadderSpecError.self) {
            try LadderSpec.load(nameOrPath: "/nonexistent/ladder.json")
        }
        #expect(error?.code == .fileNotFound)
        #expect(error?.file == "/nonexistent/ladder.json")
    }

    // MARK: - Validation

    static func rung(_ fields: String = "") -> String {
        let base = #""name": "r", "width": 640, "height": 360, "codec": "libx264", "bitrate_kbps": 800"#
        return "{\(fields.isEmpty ? base : fields)}"
    }

    static func json(rungs: [String], extra: String = #""segment_seconds": 4,"#) -> String {
        #"{"name": "test", \#(extra) "rungs": [\#(rungs.joined(separator: ", "))]}"#
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var label: String
        var json: String
        var code: LadderSpecError.Code
        var field: String?
        /// Words the message must contain (the offending value or the expectation).
        var mentions: String
        var testDescription: String { label }
    }

    static let r = #""name": "r", "codec": "libx264""#
    static let badInputs: [BadInput] = [
        BadInput(label: "not JSON", json: "{\"name\": ", code: .invalidJSON, field: nil, mentions: "not valid JSON"),
        BadInput(label: "not an object", json: "[1, 2]", code: .wrongType, field: nil, mentions: "JSON object"),
        BadInput(
            label: "missing name",
            json: #"{"rungs": [\#(rung())]}"#,
            code: .missingField,
            field: "name",
            mentions: "missing"
        ),
        BadInput(
            label: "missing rung width",
            json: json(rungs: [rung(), rung(#"\#(r), "height": 720, "bitrate_kbps": 2000"#)]),
            code: .missingField,
            field: #"rungs[1] "r".width"#,
            mentions: "missing"
        ),
        BadInput(
            label: "width as string",
            json: json(rungs: [rung(#"\#(r), "width": "640", "height": 360, "bitrate_kbps": 800"#)]),
            code: .wrongType,
            field: #"rungs[0] "r".width"#,
            mentions: "Int"
        ),
        BadInput(
            label: "misspelt field",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360, "bitrate_kpbs": 800"#)]),
            code: .unknownField,
            field: #"rungs[0] "r".bitrate_kpbs"#,
            mentions: "bitrate_kbps"
        ),
        BadInput(
            label: "unknown top-level field",
            json: json(rungs: [rung()], extra: #""segment_secs": 4,"#),
            code: .unknownField,
            field: "segment_secs",
            mentions: "segment_seconds"
        ),
        BadInput(
            label: "unknown codec",
            json: json(rungs: [
                rung(#""name": "r", "codec": "libx263", "width": 640, "height": 360, "bitrate_kbps": 800"#)
            ]),
            code: .invalidValue,
            field: #"rungs[0] "r".codec"#,
            mentions: "libx263"
        ),
        BadInput(
            label: "odd width",
            json: json(rungs: [rung(#"\#(r), "width": 641, "height": 360, "bitrate_kbps": 800"#)]),
            code: .invalidValue,
            field: #"rungs[0] "r".width"#,
            mentions: "641"
        ),
        BadInput(
            label: "height below minimum",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 14, "bitrate_kbps": 800"#)]),
            code: .invalidValue,
            field: #"rungs[0] "r".height"#,
            mentions: "14"
        ),
        BadInput(
            label: "zero bitrate",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360, "bitrate_kbps": 0"#)]),
            code: .invalidValue,
            field: #"rungs[0] "r".bitrate_kbps"#,
            mentions: "positive"
        ),
        BadInput(
            label: "negative bufsize",
            json: json(rungs: [
                rung(
                    #"\#(r), "width": 640, "height": 360, "bitrate_kbps": 800, "maxrate_kbps": 900, "bufsize_kbits": -1"#
                )
            ]),
            code: .invalidValue,
            field: #"rungs[0] "r".bufsize_kbits"#,
            mentions: "-1"
        ),
        BadInput(
            label: "maxrate below bitrate",
            json: json(rungs: [
                rung(
                    #"\#(r), "width": 640, "height": 360, "bitrate_kbps": 800, "maxrate_kbps": 799, "bufsize_kbits": 800"#
                )
            ]),
            code: .invalidValue,
            field: #"rungs[0] "r".maxrate_kbps"#,
            mentions: "799"
        ),
        BadInput(
            label: "maxrate without bufsize",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360, "bitrate_kbps": 800, "maxrate_kbps": 900"#)]),
            code: .invalidValue,
            field: #"rungs[0] "r""#,
            mentions: "bufsize_kbits"
        ),
        BadInput(
            label: "no rate control",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360"#)]),
            code: .invalidValue,
            field: #"rungs[0] "r""#,
            mentions: "neither"
        ),
        BadInput(
            label: "bitrate and crf",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360, "bitrate_kbps": 800, "crf": 23"#)]),
            code: .invalidValue,
            field: #"rungs[0] "r""#,
            mentions: "both"
        ),
        BadInput(
            label: "crf out of x264 range",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360, "crf": 52"#)]),
            code: .invalidValue,
            field: #"rungs[0] "r".crf"#,
            mentions: "0...51"
        ),
        BadInput(
            label: "profile of another codec",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360, "bitrate_kbps": 800, "profile": "main10""#)]),
            code: .invalidValue,
            field: #"rungs[0] "r".profile"#,
            mentions: "main10"
        ),
        BadInput(
            label: "unknown preset",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360, "bitrate_kbps": 800, "preset": "fastest""#)]),
            code: .invalidValue,
            field: #"rungs[0] "r".preset"#,
            mentions: "veryfast"
        ),
        BadInput(
            label: "unknown class",
            json: json(rungs: [rung(#"\#(r), "width": 640, "height": 360, "bitrate_kbps": 800, "class": "4k""#)]),
            code: .invalidValue,
            field: #"rungs[0] "r".class"#,
            mentions: "uhd"
        ),
        BadInput(
            label: "duplicate names",
            json: json(rungs: [rung(), rung(#"\#(r), "width": 1280, "height": 720, "bitrate_kbps": 2000"#)]),
            code: .invalidValue,
            field: #"rungs[1] "r".name"#,
            mentions: "unique"
        ),
        BadInput(
            label: "rungs out of order",
            json: json(rungs: [
                rung(#""name": "hi", "codec": "libx264", "width": 1280, "height": 720, "bitrate_kbps": 2000"#), rung(),
            ]),
            code: .invalidValue,
            field: #"rungs[1] "r".height"#,
            mentions: "lowest first"
        ),
        BadInput(
            label: "no rungs",
            json: json(rungs: []),
            code: .invalidValue,
            field: "rungs",
            mentions: "at least one"
        ),
        BadInput(
            label: "zero segment",
            json: json(rungs: [rung()], extra: #""segment_seconds": 0,"#),
            code: .invalidValue,
            field: "segment_seconds",
            mentions: "more than 0"
        ),
        BadInput(
            label: "negative gop",
            json: json(rungs: [rung()], extra: #""gop": -48,"#),
            code: .invalidValue,
            field: "gop",
            mentions: "-48"
        ),
        BadInput(
            label: "zero cap",
            json: json(rungs: [rung()], extra: #""data_caps_gb_per_hour": {"hd": 0},"#),
            code: .invalidValue,
            field: "data_caps_gb_per_hour.hd",
            mentions: "positive"
        ),
        BadInput(
            label: "unknown cap class",
            json: json(rungs: [rung()], extra: #""data_caps_gb_per_hour": {"4k": 7},"#),
            code: .unknownField,
            field: "data_caps_gb_per_hour.4k",
            mentions: "uhd"
        ),
    ]

    @Test(arguments: badInputs)
    func badInputIsRejectedWithFileFieldAndValue(_ input: BadInput) throws {
        let error = #expect(throws: LadderSpecError.self) {
            try LadderSpec.decode(Data(input.json.utf8), file: "bad.json")
        }
        #expect(error?.code == input.code, "\(String(describing: error))")
        #expect(error?.field == input.field, "\(String(describing: error))")
        #expect(error?.file == "bad.json")
        #expect(error?.description.contains(input.mentions) == true, "\(String(describing: error))")
    }

    @Test func validEdgeValuesAreAccepted() throws {
        // Smallest legal picture, maxrate equal to bitrate, CRF at both ends, CRF capped by a VBV.
        let rungs = [
            Self.rung(
                #""name": "a", "codec": "libx264", "width": 16, "height": 16, "bitrate_kbps": 100, "maxrate_kbps": 100, "bufsize_kbits": 100"#
            ),
            Self.rung(#""name": "b", "codec": "libx264", "width": 640, "height": 360, "crf": 0"#),
            Self.rung(
                #""name": "c", "codec": "libx264", "width": 640, "height": 360, "crf": 51, "maxrate_kbps": 900, "bufsize_kbits": 1800"#
            ),
            Self.rung(#""name": "d", "codec": "libsvtav1", "width": 8192, "height": 4320, "crf": 63, "preset": "13""#),
        ]
        let spec = try LadderSpec.decode(Data(Self.json(rungs: rungs).utf8), file: "edge.json")
        #expect(spec.rungs.map(\.name) == ["a", "b", "c", "d"])
        #expect(spec.rungs[3].videoClass == .uhd)
    }
}

@Suite struct LadderSpecCodecOverrideTests {
    @Test func switchingEncoderDropsIncompatibleProfileAndPreset() throws {
        let spec = try LadderSpec.preset(named: "sd-hd-4k").replacingCodec(with: .libx265, file: "preset sd-hd-4k")
        #expect(spec.rungs.allSatisfy { $0.codec == .libx265 })
        #expect(spec.rungs.allSatisfy { $0.profile == "main" || $0.profile == nil })
        #expect(spec.rungs[0].profile == "main" && spec.rungs.last?.profile == nil)  // "high" is x264-only
        #expect(spec.rungs.allSatisfy { $0.preset == "veryfast" })  // x265 shares x264's names
        let av1 = try LadderSpec.preset(named: "sd-hd-4k").replacingCodec(with: .libsvtav1, file: "preset sd-hd-4k")
        #expect(av1.rungs.allSatisfy { $0.preset == nil })
    }

    @Test func crfOutsideTheNewEncodersRangeIsRejected() throws {
        let spec = LadderSpec(name: "q", rungs: [Rung(name: "r", width: 640, height: 360, codec: .libsvtav1, crf: 60)])
        let error = #expect(throws: LadderSpecError.self) { try spec.replacingCodec(with: .libx264, file: "q.json") }
        #expect(error?.field == #"rungs[0] "r".crf"#)
    }
}

@Suite struct LadderSpecRoundTripTests {
    @Test(arguments: LadderSpec.presetNames)
    func encodingAndDecodingGivesTheSameSpec(name: String) throws {
        let spec = try LadderSpec.preset(named: name)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(spec)
        #expect(try LadderSpec.decode(data, file: "round-trip") == spec)
        #expect(try encoder.encode(LadderSpec.decode(data, file: "round-trip")) == data, "encoding is deterministic")
    }
}
