import Foundation

/// Where the URIs of a manifest (an HLS master playlist, a DASH MPD) may lead, and how they become local paths.
///
/// A URI is relative to the file that holds it (RFC 8216 §4.1; ISO/IEC 23009-1 §5.6 with no
/// `BaseURL`), an absolute path, or a `file://` URL. A manifest is data, not a program: by default
/// abrkit reads only files inside the manifest's folder, so that a manifest from elsewhere cannot
/// make it look at `../../etc/passwd` or a device. The check is on the URI as written, with `.` and `..`
/// resolved lexically; a symbolic link inside the folder is followed wherever it points (the
/// folder's owner put it there). Remote URIs (`https://…`) are never fetched.
struct ManifestScope {
    /// The manifest's folder, absolute, with `.` and `..` resolved.
    var root: String
    /// What the manifest is, for errors: "master playlist" or "MPD".
    var manifestKind: String
    /// Read files outside `root` too.
    var allowOutside: Bool

    init(manifest: String, kind: String, allowOutside: Bool) {
        self.root = Self.normalized(URL(fileURLWithPath: manifest).deletingLastPathComponent().path)
        self.manifestKind = kind
        self.allowOutside = allowOutside
    }

    /// The local path `uri` names, refused when it leaves `root` (unless `allowOutside`).
    ///
    /// A relative URI keeps the form it always had (`<file's folder>/<uri>`), so error
    /// messages name the path as the manifest spells it.
    ///
    /// - Parameters:
    ///   - uri: the URI as written in the manifest.
    ///   - playlist: the file that holds it (a playlist, the MPD): URIs are relative to it; for errors.
    ///   - line: the URI's 1-based line, for errors.
    ///   - what: "segment", "media playlist" or "initialization segment", for errors.
    /// - Throws: `.unreadable` for a remote or malformed URI, `.outsideFolder` for a path outside `root`.
    func localPath(of uri: String, in playlist: String, line: Int, what: String) throws(FormatError) -> String {
        let path: String
        if let scheme = Self.scheme(of: uri) {
            guard scheme == "file", let url = URL(string: uri), !url.path.isEmpty else {
                throw FormatError(
                    .unreadable, path: playlist, line: line, value: uri, problem: "\(what) \(uri) is a remote URI; abrkit reads local files only",
                    expected: "a path relative to the \(manifestKind == "MPD" ? "MPD" : "playlist")"
                        + (what == "segment" && manifestKind != "MPD" ? ", or #EXT-X-BYTERANGE lengths" : ""))
            }
            path = url.path
        } else if uri.hasPrefix("/") {
            path = uri
        } else {
            path = URL(fileURLWithPath: playlist).deletingLastPathComponent().appendingPathComponent(uri).path
        }
        let resolved = Self.normalized(path)
        guard allowOutside || Self.isInside(resolved, root) else {
            throw FormatError(
                .outsideFolder, path: playlist, line: line, value: uri,
                problem: "\(what) \(uri) leads outside the \(manifestKind)'s folder \(root) (to \(resolved))",
                expected: "a path inside that folder, or --allow-outside to read it")
        }
        return path
    }

    /// The size of the regular file at `path`, links followed, looked at without opening it.
    ///
    /// - Throws: `.fileNotFound` for a missing file, `.unreadable` for a folder, a FIFO, a device,
    ///   a link loop or a path that cannot be searched; each naming `playlist`, `line` and `uri`.
    func regularFileBytes(_ path: String, uri: String, in playlist: String, line: Int, what: String) throws(FormatError) -> Int {
        let named = uri == path ? uri : "\(uri) (\(path))"
        let kind: FileKind
        do { kind = try FileKind.of(path) } catch {
            if error.code == .fileNotFound, error.danglingTarget == nil {
                throw FormatError(
                    .fileNotFound, path: playlist, line: line, value: uri, problem: "\(what) file \(path) is missing",
                    expected: "every listed \(what) on disk")
            }
            throw FormatError(
                error.code, path: playlist, line: line, value: uri, problem: "\(what) \(named): \(error.problem)", expected: "a regular file")
        }
        guard case .regularFile(let bytes) = kind else {
            throw FormatError(
                .unreadable, path: playlist, line: line, value: uri, problem: "\(what) \(named) is not a regular file (\(kind.phrase))",
                expected: "a regular file (symbolic links are followed)")
        }
        return bytes
    }

    /// The scheme of a URI such as `https://host/x` or `file:///x`, lowercased; `nil` for a path.
    ///
    /// Only `scheme://` counts, so that a relative name with a colon (`seg:1.m4s`) stays a path.
    static func scheme(of uri: String) -> String? {
        guard let colon = uri.firstIndex(of: ":"), uri[colon...].hasPrefix("://") else { return nil }
        let name = uri[..<colon]
        guard let first = name.first, first.isASCII, first.isLetter,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return name.lowercased()
    }

    /// `path` made absolute (against the working directory) with `.`, `..` and repeated `/`
    /// resolved lexically, without following links.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Whether the normalized `path` is `folder` or lies below it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }
}
