import Foundation
import TestSupport
import Testing

/// report.html in a real browser: headless Chromium loads the page `abrkit report` writes, with no
/// console error, paints it (the screenshot's pixels are not blank), and its tables sort on a click.
///
/// `scripts/test-report-browser.sh find` finds Chromium, installing it with apt-get when root; where
/// there is none the test passes, printing why.
@Suite(.serialized) struct ReportBrowserTests {
    static let windowSize = (width: 1200, height: 2400)

    /// Chromium's path, or nil after printing why the test skips.
    static func chromium() throws -> String? {
        let found = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["bash", PackageRoot.path("scripts/test-report-browser.sh"), "find"])
        let line = found.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard found.status == 0, line.hasPrefix("/") else {
            print("ReportBrowserTests: \(line.isEmpty ? "skipped: \(found.stderr)" : line)")
            return nil
        }
        return line
    }

    /// Runs headless Chromium on `url` with `mode` (--screenshot=… or --dump-dom); returns stdout and the console lines it logged.
    static func browse(_ chromium: String, _ url: String, _ mode: [String]) throws -> (stdout: String, console: [String]) {
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: chromium),
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000",
                "--window-size=\(windowSize.width),\(windowSize.height)",
            ] + mode + [url])
        #expect(result.status == 0, "chromium exited \(result.status): \(result.stderr.suffix(2000))")
        return (result.stdout, result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init))
    }

    /// `png-stats`: width, height, distinct colours, share of non-white pixels.
    static func pixels(_ png: String) throws -> (width: Int, height: Int, colours: Int, nonWhite: Double) {
        let out = try ProcessRunner.tool(["bash", PackageRoot.path("scripts/test-report-browser.sh"), "png-stats", png])
        let f = out.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        return (Int(f[0]) ?? 0, Int(f[1]) ?? 0, Int(f[2]) ?? 0, Double(f[3]) ?? 0)
    }

    @Test(.timeLimit(.minutes(5)))
    func theReportLoadsWithoutErrorsPaintsAndSorts() throws {
        guard let chromium = try Self.chromium() else { return }
        let scratch = try TemporaryDirectory()
        let (folders, _) = try ReportCommandTests.twoRuns(in: scratch)
        let out = scratch.path("report")
        #expect(try CLI.run(["report", "--sessions"] + folders + ["--out", out]).status == 0)
        let page = "file://" + out + "/report.html"

        // The console check is real: a page with a deliberate error is caught.
        let bad = try scratch.file("bad.html", "<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction();</script></body></html>")
        let control = try Self.browse(chromium, "file://" + bad, ["--dump-dom"])
        #expect(control.console.contains { $0.contains("Uncaught ReferenceError") }, "a JS error would go unnoticed: \(control.console)")

        // The report: no console message at all, and pixels painted.
        let shot = scratch.path("report.png")
        #expect(try Self.browse(chromium, page, ["--screenshot=\(shot)"]).console == [])
        let blank = try scratch.file("blank.html", "<!DOCTYPE html><html><body></body></html>")
        let blankShot = scratch.path("blank.png")
        _ = try Self.browse(chromium, "file://" + blank, ["--screenshot=\(blankShot)"])
        let empty = try Self.pixels(blankShot), painted = try Self.pixels(shot)
        #expect(empty.colours == 1 && empty.nonWhite == 0, "the blank control is blank: \(empty)")
        #expect(painted.width == Self.windowSize.width && painted.height == Self.windowSize.height)
        #expect(painted.colours >= 20 && painted.nonWhite > 0.02, "the report looks blank: \(painted)")

        // Sorting: column 3 (QoE mean) of table 1 (the uncapped run's), both ways, through ?sort=;
        // one of the two orders differs from the page's, so the script really moved rows.
        let html = try ReportPage.parse(Data(try String(contentsOfFile: out + "/report.html", encoding: .utf8).utf8))
        let rows = html.tables[1].rows
        let ascending = rows.sorted { (Double($0[3]) ?? 0) < (Double($1[3]) ?? 0) }.map { $0[0] }
        #expect(Set(rows.map { $0[3] }).count == rows.count && rows.count == 2, "two distinct QoE means to sort")
        for (query, expected) in [("1:3", ascending), ("1:3:desc", Array(ascending.reversed()))] {
            let dom = try Self.browse(chromium, page + "?sort=" + query, ["--dump-dom"])
            #expect(dom.console == [])
            let table = dom.stdout.components(separatedBy: "<table").dropFirst(2).first ?? ""
            #expect(table.contains(query.hasSuffix("desc") ? "aria-sort=\"descending\"" : "aria-sort=\"ascending\""))
            let order = (table.components(separatedBy: "<tbody>").last ?? "").components(separatedBy: "<tr>").dropFirst().compactMap {
                $0.components(separatedBy: "<td>").dropFirst().first?.components(separatedBy: "</td>").first
            }
            #expect(order == expected, "?sort=\(query)")
        }
    }
}
