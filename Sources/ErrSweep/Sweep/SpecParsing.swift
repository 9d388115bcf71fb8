import Foundation

/// The user's words for the parts of a spec: comma lists of points, methods and precisions.
/// Each parser throws a `SpecParsingError` whose description is one line naming the problem and
/// what would be valid.
public struct SpecParsingError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

public enum SpecParsing {
    /// `0,2,4,10`: finite numbers.
    public static func points(_ text: String) throws -> [Double] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.allSatisfy(\.isEmpty) else {
            throw SpecParsingError("no points given; expected finite numbers like 0,2,4,10")
        }
        return try items.map { item in
            guard !item.isEmpty else {
                throw SpecParsingError("'\(text)' has an empty point; expected finite numbers like 0,2,4,10")
            }
            guard let value = Double(item), value.isFinite else {
                throw SpecParsingError("point '\(item)' is not a finite number; expected finite numbers like 0,2,4,10")
            }
            return value
        }
    }

    /// `forward,central` or `all`.
    public static func methods(_ text: String) throws -> [DerivativeMethod] {
        try names(text, all: DerivativeMethod.allCases, kind: "method")
    }

    /// `double`, `float,double` or `all`.
    public static func precisions(_ text: String) throws -> [Precision] {
        try names(text, all: Precision.allCases, kind: "precision")
    }

    /// `png` or `png,svg`.
    public static func chartFormats(_ text: String) throws -> [ChartFormat] {
        try names(text, all: ChartFormat.allCases, kind: "format")
    }

    static func names<Value: RawRepresentable & Equatable>(
        _ text: String, all: [Value], kind: String
    ) throws -> [Value] where Value.RawValue == String {
        let valid = (all.map(\.rawValue) + ["all"]).joined(separator: ", ")
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if items == ["all"] { return all }
        var chosen: [Value] = []
        for item in items {
            guard let value = Value(rawValue: item) else {
                let shown = item.isEmpty ? "an empty \(kind)" : "unknown \(kind) '\(item)'"
                throw SpecParsingError("\(shown); valid: \(valid)")
            }
            if !chosen.contains(value) { chosen.append(value) }
        }
        return chosen
    }
}

