import Foundation

/// Decoding JSON files with `FormatError`s that carry the decoder's coding path.
enum JSONInput {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws(FormatError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw formatError(error, path: path)
        } catch {
            throw FormatError(.invalidJSON, path: path, problem: "invalid JSON: \(error)")
        }
    }

    /// `[3].bandwidth_kbps` from a decoder coding path.
    static func render(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }

    static func formatError(_ error: DecodingError, path: String) -> FormatError {
        switch error {
        case .typeMismatch(let type, let context):
            return FormatError(
                .invalidJSON, path: path, codingPath: render(context.codingPath),
                problem: "wrong type: \(context.debugDescription)", expected: "\(type)")
        case .valueNotFound(let type, let context):
            return FormatError(
                .invalidJSON, path: path, codingPath: render(context.codingPath),
                problem: "missing value: \(context.debugDescription)", expected: "\(type)")
        case .keyNotFound(let key, let context):
            return FormatError(
                .malformedRecord, path: path, codingPath: render(context.codingPath),
                problem: "missing key \"\(key.stringValue)\"", expected: "an object with \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0))" } ?? ""
            return FormatError(
                .invalidJSON, path: path, codingPath: render(context.codingPath),
                problem: "invalid JSON: \(context.debugDescription)\(underlying)")
        @unknown default:
            return FormatError(.invalidJSON, path: path, problem: "invalid JSON: \(error)")
        }
    }
}
