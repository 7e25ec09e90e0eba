import Foundation
import TestSupport
import Testing

/// Messages of the CLI itself: misspelt commands, nested usage, --version, --help defaults, and
/// errors that say what the input should have been.
@Suite struct CLIMessageTests {
    @Test(arguments: [
        (arguments: ["simualte", "--video", "x"], says: "unknown command 'simualte'; did you mean 'simulate'? commands: "),
        (arguments: ["smulate"], says: "unknown command 'smulate'; did you mean 'simulate'?"),
        (
            arguments: ["plot", "timelin", "--video", "x"],
            says: "unknown command 'timelin' of 'abrkit plot'; did you mean 'timeline'? commands: timeline, cdf, ladder"
        ),
        (arguments: ["traces", "genrate"], says: "of 'abrkit traces'; did you mean 'generate'?"),
        // Three edits from every command: no guess, still the list.
        (arguments: ["frobnicate"], says: "unknown command 'frobnicate'; commands: "),
    ])
    func anUnknownCommandIsNamedWithTheNearestOneAndTheList(arguments: [String], says: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(says), "\(result.stderr)")
        #expect(!result.stderr.contains("Unknown option"), "\(result.stderr)")
        if arguments.count == 1 || arguments[0] == "simualte" {
            #expect(["simulate", "merge", "plot", "traces"].allSatisfy { result.stderr.contains($0) }, "\(result.stderr)")
        }
    }

    @Test(arguments: [["help"], ["--help"], ["help", "plot", "timeline"], ["traces", "info", "--help"]])
    func realCommandsAndHelpAreNotTakenForTypos(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0 && !result.stderr.contains("unknown command"), "\(result.stderr)")
    }

    @Test func aNestedCommandsErrorShowsItsOwnUsage() throws {
        let result = try CLI.run(["plot", "timeline", "--video", "v.json", "--traces", "t", "--policy", "nope"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown policy 'nope'"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: abrkit plot timeline [<options>]"), "\(result.stderr)")
        #expect(result.stderr.contains("See 'abrkit plot timeline --help'"), "\(result.stderr)")
        #expect(!result.stderr.contains("abrkit <subcommand>"), "\(result.stderr)")
    }

    @Test func versionNamesTheReleaseAndWhetherTheEncoderIsBuiltIn() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = result.stdout.trimmingCharacters(in: .newlines)
        let number = line.prefix { $0 != " " }
        #expect(number.split(separator: ".").count == 3 && number.split(separator: ".").allSatisfy { Int($0) != nil }, "\(line)")
        #if FFmpeg
        #expect(line.hasSuffix("(with the FFmpeg encoder)"), "\(line)")
        #else
        #expect(line.hasSuffix("(simulator only, built without the FFmpeg trait)"), "\(line)")
        #endif
    }

    /// The help paragraph of `option` in `command --help`, up to the next option.
    static func helpParagraph(_ command: [String], option: String) throws -> String {
        let help = try CLI.run(command + ["--help"]).stdout
        let start = try #require(help.range(of: "  \(option) <"))
        let rest = help[start.upperBound...]
        let end = rest.range(of: "\n  --")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test(arguments: [["simulate"], ["encode"], ["hull"], ["demo"]])
    func jobsHelpShowsOneDefault(command: [String]) throws {
        #if !FFmpeg
        if command != ["simulate"] { return }
        #endif
        let paragraph = try Self.helpParagraph(command, option: "--jobs")
        #expect(paragraph.components(separatedBy: "default").count == 2, "\(paragraph)")
    }

    @Test func anUnknownVideoFormatListsEveryAcceptedOneHLSAndDASHIncluded() throws {
        let dir = try TemporaryDirectory()
        let video = try dir.file("video.txt", "not a video\n")
        try dir.file("t.log", "0 1.0\n1 1.0\n")
        let result = try CLI.run(["simulate", "--video", video, "--traces", dir.path("t.log")])
        #expect(result.status != 0)
        for format in ["ladder.json", "HLS master playlist", "DASH MPD", "Sabre movie JSON", "Pensieve video_size_N"] {
            #expect(result.stderr.contains(format), "\(format): \(result.stderr)")
        }
        #expect(result.stderr.contains(video), "\(result.stderr)")
    }

    @Test func videoFormatHelpListsDASH() throws {
        let paragraph = try Self.helpParagraph(["simulate"], option: "--video-format")
        #expect(paragraph.contains("hls, dash"), "\(paragraph)")
    }

    @Test func pensieveOverAShortVideoSaysItNeedsPensievesVideo() throws {
        let dir = try TemporaryDirectory()
        let sizes = Array(repeating: "[1200000, 3000000]", count: 6).joined(separator: ", ")
        let video = try dir.file("movie.json", #"{"segment_duration_ms": 4000, "bitrates_kbps": [300, 750], "segment_sizes_bits": [\#(sizes)]}"#)
        try dir.file("t.log", "0 1.0\n1 1.0\n2 1.0\n")
        let result = try CLI.run(["simulate", "--model", "pensieve", "--video", video, "--traces", dir.path("t.log")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Pensieve's model plays 48 chunks"), "\(result.stderr)")
        #expect(result.stderr.contains("this video has 6 segments"), "\(result.stderr)")
        #expect(result.stderr.contains("video_size_0") && result.stderr.contains("github.com/hongzimao/pensieve"), "\(result.stderr)")
    }
}
