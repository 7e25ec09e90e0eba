import ABRFormats
import ABRSimulator
import ArgumentParser
import Reporting

/// How a command prints its table on stdout: aligned text for people, CSV or JSON for scripts.
enum TableFormat: String, CaseIterable, ExpressibleByArgument {
    case text, csv, json

    static let help = ArgumentHelp("What to print on stdout: text (an aligned table), csv or json.", valueName: "text|csv|json")

    /// The per-policy summary of a run in this format.
    func summary(_ summaries: [PolicySummary], title: SimulationReport.Title) -> String {
        switch self {
        case .text: SimulationReport.table(summaries, title: title)
        case .csv: ResultsCSV.summary(summaries)
        case .json: SimulationReport.json(summaries, title: title)
        }
    }
}
