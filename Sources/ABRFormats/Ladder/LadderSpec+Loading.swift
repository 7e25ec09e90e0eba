import Foundation
import LadderCore

extension LadderSpec {
    /// Names of the presets built into the binary.
    public static var presetNames: [String] { LadderPresets.json.keys.sorted() }

    /// Loads a ladder by preset name or file path, and validates it.
    ///
    /// An argument containing "/" or ending in ".json" is a file path. Anything else is a preset
    /// name: `searchDirectory/NAME.json` when that file exists (so a checkout's edited `ladders/`
    /// wins), else the copy built into the binary (so an installed CLI works from any directory).
    ///
    /// - Parameters:
    ///   - nameOrPath: a preset name (`sd-hd-4k`) or a path to a ladder JSON file.
    ///   - searchDirectory: the directory holding preset files, usually the repository's `ladders/`.
    /// - Throws: `LadderSpecError` naming the file, field, value and expectation.
    public static func load(nameOrPath: String, searchDirectory: String? = nil) throws -> LadderSpec {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") {
            return try load(path: nameOrPath)
        }
        if let directory = searchDirectory {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("\(nameOrPath).json").path
            if FileManager.default.fileExists(atPath: candidate) { return try load(path: candidate) }
        }
        return try preset(named: nameOrPath)
    }

    /// The built-in preset `name`.
    public static func preset(named name: String) throws -> LadderSpec {
        guard let text = LadderPresets.json[name] else {
            throw LadderSpecError(
                .unknownPreset,
                file: "preset \(name)",
                "is not a file path or a known preset; expected one of \(presetNames.joined(separator: ", "))"
            )
        }
        return try decode(Data(text.utf8), file: "preset \(name)")
    }

    /// Reads and validates a ladder file.
    public static func load(path: String) throws -> LadderSpec {
        // Looked at with stat first: a FIFO or a device is named as such and never opened.
        let kind: FileKind
        do { kind = try FileKind.of(path) } catch {
            guard error.errno != ENOENT || error.danglingTarget != nil else {
                throw LadderSpecError(.fileNotFound, file: path, "does not exist; expected a ladder JSON file")
            }
            throw LadderSpecError(error.code == .fileNotFound ? .fileNotFound : .unreadable, file: path, "\(error.problem); expected a ladder JSON file")
        }
        guard case .regularFile = kind else {
            throw LadderSpecError(.unreadable, file: path, "is not a regular file (\(kind.phrase)); expected a ladder JSON file")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LadderSpecError(.unreadable, file: path, "cannot be read", cause: "\(error)")
        }
        return try decode(data, file: path)
    }

    /// Parses and validates ladder JSON.
    ///
    /// Unknown fields are rejected (a misspelt `bitrate_kpbs` must not silently fall back to a default).
    public static func decode(_ data: Data, file: String) throws -> LadderSpec {
        let raw: Any
        do { raw = try JSONSerialization.jsonObject(with: data) } catch {
            throw LadderSpecError(.invalidJSON, file: file, "is not valid JSON", cause: "\(error)")
        }
        try checkShape(raw, file: file)
        let spec: LadderSpec
        do { spec = try JSONDecoder().decode(LadderSpec.self, from: data) } catch let error as DecodingError {
            throw describe(error, file: file, raw: raw)
        }
        try spec.validate(file: file)
        return spec
    }

    /// Rejects unknown fields and enumerated strings (codec, class) out of their sets, before decoding.
    private static func checkShape(_ raw: Any, file: String) throws {
        guard let top = raw as? [String: Any] else {
            throw LadderSpecError(
                .wrongType,
                file: file,
                "is not a JSON object; expected {\"name\": ..., \"rungs\": [...]}"
            )
        }
        try checkKeys(top, allowed: jsonFields, at: nil, file: file)
        if let caps = top["data_caps_gb_per_hour"] as? [String: Any] {
            try checkKeys(caps, allowed: VideoClass.allCases.map(\.rawValue), at: "data_caps_gb_per_hour", file: file)
        }
        guard let rungs = top["rungs"] as? [Any] else { return }  // missing or mistyped: the decoder says which
        for (index, element) in rungs.enumerated() {
            guard let rung = element as? [String: Any] else { continue }
            let at = rungPath(index, rung)
            try checkKeys(rung, allowed: Rung.jsonFields, at: at, file: file)
            try checkEnum(rung["codec"], VideoEncoder.self, field: "\(at).codec", file: file)
            try checkEnum(rung["class"], VideoClass.self, field: "\(at).class", file: file)
        }
    }

    private static func checkKeys(_ object: [String: Any], allowed: [String], at: String?, file: String) throws {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw LadderSpecError(
                .unknownField,
                file: file,
                field: at.map { "\($0).\(unknown)" } ?? unknown,
                "is not a known field; expected one of \(allowed.joined(separator: ", "))"
            )
        }
    }

    private static func checkEnum<E: RawRepresentable & CaseIterable>(
        _ value: Any?,
        _: E.Type,
        field: String,
        file: String
    ) throws
    where E.RawValue == String {
        guard let text = value as? String, E(rawValue: text) == nil else { return }
        throw LadderSpecError(
            .invalidValue,
            file: file,
            field: field,
            "is \"\(text)\"; expected one of \(E.allCases.map(\.rawValue).joined(separator: ", "))"
        )
    }

    private static func rungPath(_ index: Int, _ rung: [String: Any]?) -> String {
        if let name = rung?["name"] as? String { return "rungs[\(index)] \"\(name)\"" }
        return "rungs[\(index)]"
    }

    /// Turns a decoder error into a message with a readable field path.
    private static func describe(_ error: DecodingError, file: String, raw: Any) -> LadderSpecError {
        func path(_ keys: [any CodingKey]) -> String {
            var parts: [String] = []
            for key in keys {
                guard let index = key.intValue else { parts.append(key.stringValue); continue }
                if parts.last == "rungs" {
                    let rungs = (raw as? [String: Any])?["rungs"] as? [Any]
                    let rung = rungs.flatMap { $0.indices.contains(index) ? $0[index] as? [String: Any] : nil }
                    parts[parts.count - 1] = rungPath(index, rung)
                } else if let last = parts.popLast() {
                    parts.append("\(last)[\(index)]")
                } else {
                    parts.append("[\(index)]")
                }
            }
            return parts.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return LadderSpecError(.missingField, file: file, field: field, "is missing; expected a value")
        case .typeMismatch(let type, let context):
            return LadderSpecError(
                .wrongType,
                file: file,
                field: path(context.codingPath),
                "has the wrong type; expected \(type)"
            )
        case .valueNotFound(let type, let context):
            return LadderSpecError(.wrongType, file: file, field: path(context.codingPath), "is null; expected \(type)")
        case .dataCorrupted(let context):
            return LadderSpecError(.invalidValue, file: file, field: path(context.codingPath), context.debugDescription)
        @unknown default:
            return LadderSpecError(.invalidJSON, file: file, "cannot be decoded", cause: "\(error)")
        }
    }
}
