import Foundation

/// Reading a JSON file of the check (a baseline or a config) with one-line errors that say which
/// file, what is wrong with it, and what to do.
enum JSONFile {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// Decodes `url` as T. `what` names the file ("baseline", "config"); `fix` is appended to
    /// every message ("recreate it with …").
    static func read<T: Decodable>(_ type: T.Type, from url: URL, what: String, shape: String, fix: String) throws -> T {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Problem(description: "\(what) \(url.path) not found; \(fix)")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw Problem(description: "\(what) \(url.path) cannot be read (\(error.localizedDescription)); \(fix)")
        }
        guard !data.isEmpty else { throw Problem(description: "\(what) \(url.path) is empty; \(fix)") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw Problem(description: "\(what) \(url.path) is not JSON; \(fix)")
        } catch {
            throw Problem(description: "\(what) \(url.path) is not \(shape) (\(describe(error))); \(fix)")
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            "unreadable value at \(path(context.codingPath))"
        default:
            "\(error)"
        }
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.isEmpty ? "the top" : codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
