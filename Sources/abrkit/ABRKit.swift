import ArgumentParser

@main
struct ABRKit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abrkit",
        abstract: "Encode video ladders with FFmpeg and simulate adaptive-bitrate playback over network traces.",
        version: Version.text,
        subcommands: encoderCommands + [SimulateCommand.self, MergeCommand.self, PlotCommand.self, ReportCommand.self, Traces.self]
    )

    /// The commands that encode; a build without the `FFmpeg` trait (simulator only) has none.
    #if FFmpeg
    static let encoderCommands: [any ParsableCommand.Type] = [DemoCommand.self, EncodeCommand.self, HullCommand.self]
    #else
    static let encoderCommands: [any ParsableCommand.Type] = []
    #endif
}
