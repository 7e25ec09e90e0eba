import ArgumentParser

/// Command names as the user types them, for messages that name a misspelt command.
enum CommandNames {
    /// Largest edit distance taken for a typo (`simualte` → `simulate` is 2).
    static let maximumTypoDistance = 2

    /// "unknown command 'simualte'; did you mean 'simulate'? …" when an argument where a command
    /// is expected (the first one, or the one after a group such as `plot` or `traces`) is not one
    /// of that level's commands; `nil` when the arguments name commands all the way down.
    static func unknownCommandMessage(_ arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        var path = [root._commandName]
        for argument in arguments {
            let configuration = command.configuration
            guard !argument.hasPrefix("-"), !configuration.subcommands.isEmpty, configuration.defaultSubcommand == nil else { return nil }
            let isRoot = ObjectIdentifier(command) == ObjectIdentifier(root)
            // argument-parser's own `help` command exists at the root only.
            if isRoot, argument == "help" { return nil }
            let names = configuration.subcommands.map { $0._commandName }
            guard let next = configuration.subcommands.first(where: { $0._commandName == argument }) else {
                let scope = path.joined(separator: " ")
                let suggestion = nearest(argument, in: names).map { " did you mean '\($0)'?" } ?? ""
                let owner = isRoot ? "" : " of '\(scope)'"
                return "unknown command '\(argument)'\(owner);\(suggestion) commands: \(names.joined(separator: ", ")) (see '\(scope) --help')"
            }
            command = next
            path.append(argument)
        }
        return nil
    }

    /// The command names from `root` down to `type`, e.g. `["abrkit", "plot", "timeline"]`.
    static func path(to type: any ParsableCommand.Type, from root: any ParsableCommand.Type) -> [String]? {
        if ObjectIdentifier(type) == ObjectIdentifier(root) { return [root._commandName] }
        for child in root.configuration.subcommands {
            if let rest = path(to: type, from: child) { return [root._commandName] + rest }
        }
        return nil
    }

    /// The name within `maximumTypoDistance` edits of `word` (the first of the closest), if any.
    static func nearest(_ word: String, in names: [String]) -> String? {
        let scored = names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= maximumTypoDistance }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbours each cost 1 (Damerau 1964, doi:10.1145/363958.363994), so `simualte` is 1 from `simulate`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
