import Foundation

/// Decoding JSON files with `FormatError`s that carry the decoder's coding path.
enum JSONInput {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws(FormatError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let located = numberNotFittingItsField(in: data, path: path) {
                throw located
            }
            throw formatError(error, path: path)
        } catch {
            throw FormatError(.invalidJSON, path: path, problem: "invalid JSON: \(error)")
        }
    }

    /// A JSON number decoded as an `Int` when it is one, and otherwise kept as its exact decimal text.
    struct WholeNumber: Decodable {
        var value: Int?
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Int.self) {
                self.value = value
                text = String(value)
            } else {
                value = nil
                text = (try? container.decode(Decimal.self)).map { "\($0)" } ?? "(not a number)"
            }
        }
    }

    /// The whole-number table of abrkit's and Sabre's video JSON, decoded number by number.
    struct SegmentSizesProbe: Decodable {
        var segmentSizesBits: [[WholeNumber]]?

        enum CodingKeys: String, CodingKey { case segmentSizesBits = "segment_sizes_bits" }
    }

    /// The located error for valid JSON that Foundation's decoder rejects without a coding path.
    ///
    /// swift-corelibs-foundation's `JSONDecoder` reports a number that does not fit an `Int` field
    /// (`1000.5`, or a whole number beyond 2⁶³ − 1) as "The given data was not valid JSON." with an
    /// empty coding path. When `JSONSerialization` accepts the data, the JSON is valid and that is
    /// what happened: the number is looked for in `segment_sizes_bits` (the whole-number table of
    /// `ladder.json` and Sabre movie JSON) and named with its path and text; anywhere else the
    /// error still says which kind of value is wrong.
    ///
    /// - Returns: `nil` when the data is not valid JSON after all.
    static func numberNotFittingItsField(in data: Data, path: String) -> FormatError? {
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else { return nil }
        let expected = "a whole number from \(Int.min) to \(Int.max)"
        if let rows = (try? JSONDecoder().decode(SegmentSizesProbe.self, from: data))?.segmentSizesBits {
            for (s, row) in rows.enumerated() {
                for (l, number) in row.enumerated() where number.value == nil {
                    let problem = number.text.contains(".") ? "is not a whole number of bits" : "does not fit in 64 bits (−2⁶³ … 2⁶³ − 1)"
                    return FormatError(
                        .outOfRange, path: path, codingPath: "segment_sizes_bits[\(s)][\(l)]", value: number.text,
                        problem: "size \(number.text) \(problem)", expected: "whole bits ≥ 0, at most \(Int.max)")
                }
            }
        }
        return FormatError(
            .outOfRange, path: path,
            problem: "a number does not fit its field: a fraction where a whole number belongs, or a number beyond 64 bits",
            expected: expected)
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
