import Foundation

/// A folder of results (`sessions.csv`, `segments.csv`, `summary.csv`, `run.json`) that appears as one unit.
///
/// Files are written into a fresh hidden staging folder beside the target and swapped in at the
/// end with one atomic exchange (one rename when the target is new), so a reader, or a run that
/// is interrupted at any point, never sees this run's `sessions.csv` beside another run's
/// `segments.csv`. A lock file beside the target (`.NAME.lock`, left in place) keeps two runs from
/// writing the same folder at once; staging folders left by killed runs are removed by the next
/// run. The staging folder is made when the writer is created, so an unwritable `--out` fails
/// before any simulation.
public final class ResultSetWriter {
    /// The manifest written last into every result folder: which files belong to the set.
    public static let manifestName = "run.json"
    /// Files a result folder may hold; a folder with anything else is not abrkit's to replace.
    public static let resultFileNames: Set<String> = ["sessions.csv", "segments.csv", "summary.csv", manifestName]

    /// The folder the results end up in.
    public let target: String
    /// Where the files are written until ``commit(run:)``.
    public let staging: String
    /// The lock file, open while the writer holds the folder; -1 once released.
    private var lock: Int32
    private var written: [(name: String, bytes: Int)] = []
    private var committed = false

    /// Locks `target`, clears what killed runs left, and makes a fresh staging folder.
    ///
    /// - Throws: `FormatError` `.outputConflict` when another run holds the lock, or `target`
    ///   holds files abrkit did not write (or is a file); `.unreadable` when the parent folder
    ///   cannot be created or written.
    public init(target: String) throws(FormatError) {
        let url = URL(fileURLWithPath: target).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        try Self.checkAncestorsAreFolders(url.deletingLastPathComponent())
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw FormatError(.unreadable, path: target, problem: "cannot create the folder \(parent): \(error.localizedDescription)")
        }
        let lockPath = parent + "/." + name + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FormatError(.unreadable, path: target, problem: "cannot create the lock file \(lockPath): \(String(cString: strerror(errno)))")
        }
        let staging = parent + "/." + name + ".staging-\(getpid())"
        do {
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                throw FormatError(
                    .outputConflict, path: target, problem: "another abrkit run is writing this folder (it holds \(lockPath))",
                    expected: "one run per output folder; wait for it or choose another --out")
            }
            try Self.checkReplaceable(url.path)
            try Self.removeStaleStaging(in: parent, name: name)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch let error as FormatError {
            close(fd)
            throw error
        } catch {
            close(fd)
            throw FormatError(.unreadable, path: target, problem: "cannot write into \(parent): \(error.localizedDescription)")
        }
        // Nothing throws from here on, so `deinit` only ever sees a fully made writer.
        self.target = url.path
        self.staging = staging
        self.lock = fd
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
        releaseLock()
    }

    /// Closing the lock file releases the `flock`; the file itself stays for the next run.
    private func releaseLock() {
        if lock >= 0 { close(lock) }
        lock = -1
    }

    /// Starts a file of the set that is written as it is produced; finish it with ``finish(_:_:)``.
    public func startFile(_ name: String) throws(FormatError) -> ResultFile {
        precondition(Self.resultFileNames.contains(name) && name != Self.manifestName, "\(name) is not a result file")
        return try ResultFile(name: name, path: staging + "/" + name)
    }

    /// Writes the rest of `csv` to `file`, closes it, and lists it in the manifest.
    public func finish(_ file: ResultFile, _ csv: inout CSVBuffer) throws(FormatError) {
        try file.finish(&csv)
        written.append((file.name, file.byteCount))
    }

    /// Writes one whole file of the set into the staging folder.
    public func write(_ text: String, to name: String) throws(FormatError) {
        precondition(Self.resultFileNames.contains(name) && name != Self.manifestName, "\(name) is not a result file")
        do { try AtomicFile.write(text, to: staging + "/" + name) } catch {
            throw FormatError(.unreadable, path: target + "/" + name, problem: "cannot write: \(error)")
        }
        written.append((name, text.utf8.count))
    }

    /// Writes `run.json` (with `run`, the run's description), then puts the set in place of `target` in one step, and releases the folder.
    ///
    /// - Throws: `FormatError` when the manifest or the swap fails; `target` then still holds
    ///   the previous complete set (or does not exist).
    public func commit(run: RunManifest? = nil) throws(FormatError) {
        precondition(!committed, "a result set is committed once")
        let files = written.sorted { $0.name < $1.name }.map { #"    {"name": "\#($0.name)", "bytes": \#($0.bytes)}"# }
        let manifest =
            "{\n  \"format\": \"abrkit results 1\",\n  \"files\": [\n" + files.joined(separator: ",\n") + "\n  ]"
            + (run.map { ",\n  \"run\": " + $0.json(indent: "  ") } ?? "") + "\n}\n"
        do { try AtomicFile.write(manifest, to: staging + "/" + Self.manifestName) } catch {
            throw FormatError(.unreadable, path: target + "/" + Self.manifestName, problem: "cannot write: \(error)")
        }
        if !FileManager.default.fileExists(atPath: target) {
            guard rename(staging, target) == 0 else { throw renameFailure() }
        } else if PathSwap.exchange(staging, target) {
            try? FileManager.default.removeItem(atPath: staging)  // now the previous set
        } else {
            // No atomic exchange here: the previous set moves aside first, so the target is
            // briefly absent, but never a mix of two runs.
            let previous = staging + ".previous"
            guard rename(target, previous) == 0 else { throw renameFailure() }
            guard rename(staging, target) == 0 else {
                let failure = renameFailure()
                _ = rename(previous, target)
                throw failure
            }
            try? FileManager.default.removeItem(atPath: previous)
        }
        committed = true
        releaseLock()
    }

    private func renameFailure() -> FormatError {
        FormatError(.unreadable, path: target, problem: "cannot move the results into place: \(String(cString: strerror(errno)))")
    }

    /// Refuses a path below a file (`plain/out` where `plain` is a file), naming the file.
    private static func checkAncestorsAreFolders(_ folder: URL) throws(FormatError) {
        var ancestor = folder
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            guard ancestor.pathComponents.count > 1 else { return }
            ancestor.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw FormatError(.outputConflict, path: ancestor.path, problem: "is a file, so no folder can be made below it", expected: "a folder for --out")
        }
    }

    /// Refuses a target that is a file, or a folder holding anything but an earlier result set.
    private static func checkReplaceable(_ target: String) throws(FormatError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw FormatError(.outputConflict, path: target, problem: "is a file", expected: "a folder for the results (new, or one abrkit wrote)")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        let foreign = entries.filter { !resultFileNames.contains($0) }.sorted()
        guard foreign.isEmpty else {
            throw FormatError(
                .outputConflict, path: target,
                problem: "holds files abrkit did not write (\(foreign.prefix(3).joined(separator: ", "))\(foreign.count > 3 ? ", …" : ""))",
                expected: "a new folder, or one holding only an earlier run's \(resultFileNames.sorted().joined(separator: ", "))")
        }
    }

    /// Removes staging folders of earlier runs into the same target (under the lock, none is live).
    private static func removeStaleStaging(in parent: String, name: String) throws {
        let prefix = "." + name + ".staging-"
        for entry in try FileManager.default.contentsOfDirectory(atPath: parent) where entry.hasPrefix(prefix) {
            try FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }
}
