import Foundation

/// A point in several variables, as `p=1.5,q=2`.
public enum PointParsing {
    /// A point that cannot be read, and what would be valid.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Parses `text` and checks it names exactly `variables`.
    public static func point(_ text: String, variables: [String]) throws -> [String: Double] {
        let expected = variables.isEmpty ? "no variables" : variables.map { "\($0)=…" }.joined(separator: ",")
        var point: [String: Double] = [:]
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw Invalid(description: "'\(item)' is not name=value; expected \(expected)")
            }
            guard variables.contains(parts[0]) else {
                throw Invalid(description: "'\(parts[0])' is not a variable of the expression; expected \(expected)")
            }
            guard let value = Double(parts[1]), value.isFinite else {
                throw Invalid(description: "'\(parts[1])' is not a finite number (in \(item)); expected \(expected)")
            }
            guard point[parts[0]] == nil else { throw Invalid(description: "\(parts[0]) is given twice; expected \(expected)") }
            point[parts[0]] = value
        }
        if let missing = variables.first(where: { point[$0] == nil }) {
            throw Invalid(description: "no value for \(missing); expected \(expected)")
        }
        return point
    }
}

