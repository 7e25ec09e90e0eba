import ABRFormats
import ArgumentParser
import Foundation
import Reporting

/// `abrkit report`: report.html, tables and figures rebuilt from result folders already written,
/// so that runs made elsewhere (a cluster, yesterday) can be compared without simulating again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild the tables, figures and a self-contained report.html from result folders written by abrkit simulate --out.",
        discussion: """
            Each folder holds sessions.csv, run.json and optionally segments.csv (abrkit simulate --out or abrkit \\
            merge --out). Several folders are shown side by side, labelled by folder name: two ladders, two data caps. \\
            Each summary table is rebuilt from sessions.csv exactly as simulate and merge print it (and is printed \\
            here too); the page inlines its figures, sorts its tables on a click, and links the CSVs by relative paths.

            Examples:
              abrkit simulate --video out/ladder.json --traces traces --out plain
              abrkit simulate --video out/ladder.json --traces traces --data-cap 1 --out saver
              abrkit report --sessions plain saver --out plain-vs-saver
            """
    )

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Result folders written by abrkit simulate --out or abrkit merge --out.", valueName: "folders"))
    var sessions: [String]

    @Option(help: ArgumentHelp("Folder for report.html and the figures (created if needed).", valueName: "dir"))
    var out: String

    func validate() throws {
        guard !sessions.isEmpty else { throw ValidationError("name at least one result folder with --sessions") }
    }

    func run() throws {
        let labels = Self.labels(sessions)
        let runs = try zip(sessions, labels).map { folder, label throws(FormatError) in try ResultSetSummary.read(folder: folder, label: label) }
        try OutputFolder.create(out)
        var files: [ResultsReport.RunFiles] = []
        var figures: [String] = []
        for (run, name) in zip(runs, Self.fileNames(labels)) {
            let figure = ResultsReport.cdf(run)
            let written = try FigureFile.write(figure, to: out + "/\(name)-cdf.svg")
            figures.append(figure.svg)
            let data = ["sessions.csv", "segments.csv", "summary.csv", ResultSetWriter.manifestName].filter { run.files[$0] != nil }.map { file in
                HTMLReport.Link(href: Self.href(from: out, to: run.folder + "/" + file), text: "\(run.label)/\(file)")
            }
            files.append(
                ResultsReport.RunFiles(
                    data: data, figures: written.map { HTMLReport.Link(href: Self.href(from: out, to: $0), note: "figure") }))
            print("\(run.label):\n" + SimulationReport.table(run.summaries, title: run.title))
        }
        try AtomicFile.write(ResultsReport.page(runs, files: files, figures: figures).html, to: out + "/report.html")
        FileHandle.standardError.write(Data("wrote \(out)/report.html and \(runs.count) figure\(runs.count == 1 ? "" : "s")\n".utf8))
    }

    /// Each folder's label: its last path component, or the path as given where two share one.
    static func labels(_ folders: [String]) -> [String] {
        let names = folders.map { URL(fileURLWithPath: $0).standardized.lastPathComponent }
        return zip(folders, names).map { folder, name in names.filter { $0 == name }.count > 1 ? folder : name }
    }

    /// File names for the labels: letters, digits, `.`, `_` and `-` kept, anything else `-`; repeats numbered.
    static func fileNames(_ labels: [String]) -> [String] {
        var used: Set<String> = []
        return labels.map { label in
            let base = String(
                label.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) ? Character($0) : "-" })
            var name = base.isEmpty || base.hasPrefix(".") ? "run" + base : base
            var n = 2
            while used.contains(name) { name = base + "-\(n)"; n += 1 }
            used.insert(name)
            return name
        }
    }

    /// `target` relative to the folder `base`, percent-encoded for an href.
    static func href(from base: String, to target: String) -> String {
        let from = URL(fileURLWithPath: base).standardized.resolvingSymlinksInPath().pathComponents
        let to = URL(fileURLWithPath: target).standardized.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let path = (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
        return path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
