import Foundation
import TestSupport
import Testing

/// `abrkit traces …` run end to end: the built binary in a child process, checking stdout,
/// stderr, exit status and the files it writes.
@Suite struct TracesCommandTests {
    @Test func generateRecreatesTheRepositoryTracesByteForByte() throws {
        let out = try TemporaryDirectory()
        let result = try CLI.run(["traces", "generate", "--out", out.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let generated = try FileManager.default.contentsOfDirectory(atPath: out.url.path).sorted()
        #expect(generated.count >= 51)
        #expect(generated.contains("README.md"))
        let repository = PackageRoot.url.appendingPathComponent("traces")
        guard FileManager.default.fileExists(atPath: repository.path) else {
            print("traces/ is absent from the package root; generated \(generated.count) files, nothing to compare")
            return
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: repository.path).sorted() == generated)
        for name in generated {
            let mine = try Data(contentsOf: out.url.appendingPathComponent(name))
            let theirs = try Data(contentsOf: repository.appendingPathComponent(name))
            #expect(mine == theirs, "traces/\(name) differs from what `abrkit traces generate` writes")
        }
    }

    @Test func generateWithAnotherSeedChangesOnlyTheRandomTraces() throws {
        let a = try TemporaryDirectory(), b = try TemporaryDirectory()
        #expect(try CLI.run(["traces", "generate", "--out", a.url.path, "--seed", "1"]).status == 0)
        #expect(try CLI.run(["traces", "generate", "--out", b.url.path, "--seed", "2"]).status == 0)
        let same = { (name: String) throws -> Bool in
            try Data(contentsOf: a.url.appendingPathComponent(name)) == Data(contentsOf: b.url.appendingPathComponent(name))
        }
        #expect(try same("constant-2000k") && same("step-up") && same("outage-2m-60on-5off"))
        #expect(try !same("3g-like-01") && !same("lte-like-01") && !same("broadband-10m-01"))
    }

    @Test func infoPrintsATableWithAPooledRow() throws {
        let result = try CLI.run(["traces", "info", "traces/constant-2000k", "traces/outage-2m-60on-15off"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == 4)
        #expect(lines[0] == ["trace", "duration_s", "mean_Mbps", "median_Mbps", "p10_Mbps", "p90_Mbps", "outage_%"])
        #expect(lines[1] == ["constant-2000k", "300.0", "2.000", "2.000", "2.000", "2.000", "0.0"])
        // 4 × (60 s on at 2 Mbit/s + 15 s off) + 60 s on = 360 s; mean 300·2/360 = 1.667; outage 60/360.
        #expect(lines[2] == ["outage-2m-60on-15off", "360.0", "1.667", "2.000", "0.000", "2.000", "16.7"])
        // Pooled 660 s: (600 + 600) Mbit / 660 s = 1.818 Mbit/s; outage 60/660 = 9.1 %.
        #expect(lines[3] == ["(all", "2)", "660.0", "1.818", "2.000", "2.000", "2.000", "9.1"])
    }

    @Test func convertGoesThroughEveryFormatAndBack() throws {
        let dir = try TemporaryDirectory()
        var previous = "traces/step-valley"
        var written: [String: String] = [:]
        for format in ["sabre", "csv", "cooked", "mahimahi", "cooked"] {
            let next = dir.path("\(written.count)-\(format)")
            let result = try CLI.run(["traces", "convert", previous, "--to", format, "--out", next])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            written["\(written.count)-\(format)"] = try String(contentsOfFile: next, encoding: .utf8)
            previous = next
        }
        // Whole seconds and whole kbit/s survive Sabre and CSV exactly: the cooked file comes back unchanged.
        let original = try String(contentsOfFile: PackageRoot.path("traces/step-valley"), encoding: .utf8)
        #expect(written["2-cooked"] == original)
        #expect(written["1-csv"] == "duration_s,bandwidth_bps,latency_s\n60,3000000,0\n60,1000000,0\n60,300000,0\n60,1000000,0\n60,3000000,0\n")
        // Mahimahi turns each level into 1500-byte deliveries: 3 Mbit/s is one packet every 4 ms, so
        // 60 s carries 15 000 packets; the whole trace 60 s · (3 + 1 + 0.3 + 1 + 3) Mbit/s ÷ 12 000 bit = 41 500 lines.
        #expect(written["3-mahimahi"]?.split(separator: "\n").count == 41_500)
        let info = try CLI.run(["traces", "info", previous])
        #expect(info.stdout.split(separator: "\n").last?.split(separator: " ").prefix(3) == ["4-cooked", "300.0", "1.660"])
    }

    @Test func badInputFailsWithTheLocationOnStderrAndNothingOnStdout() throws {
        let dir = try TemporaryDirectory()
        let bad = try dir.file("x.log", "0 1\n1 2\n2 abc\n")
        let result = try CLI.run(["traces", "info", bad])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(bad):3: bandwidth \"abc\" is not a number; expected Mbit/s ≥ 0"), "\(result.stderr)")

        let missing = try CLI.run([
            "traces", "convert", dir.path("nope"), "--to", "csv", "--out", dir.path("o.csv"),
        ])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope: no such file"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("o.csv")))

        let unknown = try CLI.run(["traces", "convert", "traces/step-up", "--to", "excel", "--out", dir.path("o")])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("excel"))

        let outage = try CLI.run(["traces", "convert", "traces/step-up", "--from", "csv", "--to", "sabre", "--out", dir.path("o")])
        #expect(outage.status != 0)
        #expect(outage.stderr.contains("step-up:1: no duration column"), "\(outage.stderr)")
    }
}
