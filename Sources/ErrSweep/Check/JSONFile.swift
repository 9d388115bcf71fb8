import Foundation

/// Reading a JSON file of the check (a baseline or a config) with one-line errors that say which
/// file, what is wrong with it, and what to do. The package's: the check's config is read by the
/// reports' jobs, its baseline by the engine.
package enum JSONFile {
    package struct Problem: Error, CustomStringConvertible {
        package let description: String
    }

    /// Decodes `url` as T. `what` names the file ("baseline", "config"); `fix` is appended to
    /// every message ("recreate it with …").
    ///
    /// Strict: a key the type does not know (a misspelt `"functons"`) is refused, not ignored.
    /// The known keys are not listed twice: what was decoded is encoded again, and any key of
    /// the file that does not come back, with a value other than null, is unknown.
    package static func read<T: Codable>(_ type: T.Type, from url: URL, what: String, shape: String, fix: String) throws -> T {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Problem(description: "\(what) \(url.path) not found; \(fix)")
        }
        guard !isDirectory.boolValue else { throw Problem(description: "\(what) \(url.path) is a directory, not a JSON file; \(fix)") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw Problem(description: "\(what) \(url.path) cannot be read (\(String(cString: strerror(errno)))); \(fix)")
        }
        guard !data.isEmpty else { throw Problem(description: "\(what) \(url.path) is empty; \(fix)") }
        guard let raw = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Problem(description: "\(what) \(url.path) is not JSON; \(fix)")
        }
        let value: T
        do {
            value = try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw Problem(description: "\(what) \(url.path) is not \(shape) (\(describe(error, raw: raw, as: T.self))); \(fix)")
        }
        let known = (try? JSONEncoder().encode(value)).flatMap { try? JSONSerialization.jsonObject(with: $0, options: [.fragmentsAllowed]) }
        if let known, let unknown = unknownKey(in: raw, known: known, path: []) {
            throw Problem(description: "\(what) \(url.path) has an unknown key '\(unknown)'; \(fix)")
        }
        return value
    }

    /// The first key path of `raw` (with a non-null value) that `known` does not have.
    static func unknownKey(in raw: Any, known: Any, path: [String]) -> String? {
        if let object = raw as? [String: Any] {
            let knownObject = known as? [String: Any] ?? [:]
            for key in object.keys.sorted() where !(object[key] is NSNull) {
                guard let inner = knownObject[key] else { return (path + [key]).joined(separator: ".") }
                if let found = unknownKey(in: object[key]!, known: inner, path: path + [key]) { return found }
            }
        } else if let array = raw as? [Any], let knownArray = known as? [Any] {
            for (index, element) in array.enumerated() where index < knownArray.count {
                if let found = unknownKey(in: element, known: knownArray[index], path: path + [String(index)]) { return found }
            }
        }
        return nil
    }

    /// The decoding error in words. Where the decoder blames the whole file though it is JSON (a
    /// 1.5 where a whole number belongs is "not valid JSON" to it), the top-level key whose
    /// removal lets the rest decode is named instead.
    static func describe<T: Decodable>(_ error: Error, raw: Any, as type: T.Type) -> String {
        if case DecodingError.dataCorrupted(let context) = error, context.codingPath.isEmpty, let object = raw as? [String: Any] {
            for key in object.keys.sorted() {
                var rest = object
                rest[key] = nil
                if let data = try? JSONSerialization.data(withJSONObject: rest), (try? JSONDecoder().decode(T.self, from: data)) != nil {
                    return "wrong type or value at \(key): \(object[key]!)"
                }
            }
        }
        return describe(error)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            "unreadable value at \(path(context.codingPath)): \(context.debugDescription)"
        default:
            "\(error)"
        }
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.isEmpty ? "the top" : codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
