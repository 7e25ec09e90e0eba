import ArgumentParser

@main
struct ABRKit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abrkit",
        abstract: "Encode video ladders with FFmpeg and simulate adaptive-bitrate playback over network traces.",
        subcommands: [EncodeCommand.self, SimulateCommand.self, Traces.self, PlotCommand.self]
    )
}
