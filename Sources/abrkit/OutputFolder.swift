import Foundation

/// The folder a command writes its results into.
enum OutputFolder {
    /// Creates `path` (and its parents) if needed.
    ///
    /// - Throws: `CLIError` naming the folder and why it cannot be created: which component of the
    ///   path is a file, or the system's reason (no permission, a read-only file system).
    static func create(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the output folder \(path): \(reason(path, error))")
        }
    }

    /// Why `path` could not be created, in words: Foundation's own text for a file in the way is
    /// "NSCocoaErrorDomain error 512" on Linux.
    static func reason(_ path: String, _ error: any Error) -> String {
        if let file = fileInTheWay(path) {
            return file == path ? "it is a file, not a folder" : "\(file) is a file, not a folder"
        }
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return "\(String(cString: strerror(Int32(posix.code)))) (errno \(posix.code))"
        }
        return error.localizedDescription
    }

    /// The first prefix of `path` (the path itself included) that exists and is not a folder,
    /// links followed, as the user spelled it.
    static func fileInTheWay(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder), !isFolder.boolValue { return prefix }
        }
        return nil
    }
}
