import ArgumentParser
import Foundation

extension ABRKit {
    /// argument-parser's `main()`, with two messages made to name the command at fault.
    ///
    /// - An unknown or misspelt command (`abrkit simualte --video x`) is reported as such, with the
    ///   nearest command and the list, where argument-parser would complain about the first option
    ///   (`Unknown option '--video'`). See ``CommandNames``.
    /// - A `ValidationError` a subcommand throws from `run()` shows that subcommand's usage:
    ///   argument-parser would print the root's (`abrkit <subcommand>`).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = CommandNames.unknownCommandMessage(arguments, root: self) {
            FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        var command: any ParsableCommand
        do { command = try parseAsRoot(arguments) } catch { exit(withError: error) }
        do {
            try command.run()
        } catch let error as ValidationError {
            let type = type(of: command)
            let path = (CommandNames.path(to: type, from: self) ?? [_commandName]).joined(separator: " ")
            let text = "Error: \(error.message)\nUsage: \(usageString(for: type))\n  See '\(path) --help' for more information.\n"
            FileHandle.standardError.write(Data(text.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
