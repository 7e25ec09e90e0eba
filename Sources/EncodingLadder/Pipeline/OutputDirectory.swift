// The encoder exists only with the FFmpeg trait (the default); see Package.swift.
#if FFmpeg

import ABRFormats
import Foundation

/// File operations on the output directory, arranged so that a manifest never points at a
/// missing or partial segment: every file is written to a temporary name and renamed into place,
/// stale manifests are removed before the first segment is written, and new manifests last.
enum OutputDirectory {
    /// Manifest names abrkit writes at the top of the output directory.
    static let ladderFileName = "ladder.json"
    static let masterPlaylistName = "master.m3u8"
    static let mpdName = "manifest.mpd"

    /// Creates `directory` (and parents), checks that it is writable, and removes manifests of an earlier run.
    ///
    /// - Throws: ``EncodeError/Code/outputNotWritable`` naming the directory and the reason.
    static func prepare(_ directory: URL) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EncodeError(.outputNotWritable, "cannot create output directory '\(directory.path)': \(error.localizedDescription)")
        }
        let probe = directory.appendingPathComponent(".abrkit-write-test-\(ProcessInfo.processInfo.processIdentifier)")
        guard manager.createFile(atPath: probe.path, contents: Data()) else {
            throw EncodeError(.outputNotWritable, "output directory '\(directory.path)' is not writable")
        }
        try? manager.removeItem(at: probe)
        let entries = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in entries where name == ladderFileName || name.hasSuffix(".m3u8") || name.hasSuffix(".mpd") {
            try? manager.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Creates a rung's (or the audio's) subdirectory, emptied of earlier segments.
    static func prepareSubdirectory(_ directory: URL) throws {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: directory.path) {
                for name in try manager.contentsOfDirectory(atPath: directory.path)
                where name.hasSuffix(".m4s") || name.hasSuffix(".mp4") || name.hasSuffix(".m3u8") {
                    try manager.removeItem(at: directory.appendingPathComponent(name))
                }
            }
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EncodeError(.outputNotWritable, "cannot prepare '\(directory.path)': \(error.localizedDescription)")
        }
    }

    /// Writes a media segment through ``AtomicFile`` (unflushed: the manifests written after it are).
    static func write(_ bytes: [UInt8], to url: URL) throws {
        try write(Data(bytes), to: url, flush: false)
    }

    /// Writes `data` through ``AtomicFile``, reporting a failure as ``EncodeError/Code/outputNotWritable``.
    static func write(_ data: Data, to url: URL, flush: Bool = true) throws {
        do { try AtomicFile.write(data, to: url.path, flush: flush) } catch {
            throw EncodeError(.outputNotWritable, "cannot write '\(url.path)': \(error.message)" + (error.cause.map { " (\($0))" } ?? ""))
        }
    }
}

#endif
