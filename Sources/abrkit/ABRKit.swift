import ArgumentParser

@main
struct ABRKit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abrkit",
        abstract: "Encode video ladders with FFmpeg and simulate adaptive-bitrate playback over network traces.",
        subcommands: [DemoCommand.self, EncodeCommand.self, HullCommand.self, SimulateCommand.self, PlotCommand.self, Traces.self]
    )
}
