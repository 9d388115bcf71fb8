import Foundation

/// The steps h a sweep visits: a log-spaced range `A...B` (either direction, both endpoints
/// included) or an explicit list `A,B,C`.
public enum StepGrid: Sendable, Equatable {
    case logRange(from: Double, to: Double)
    case list([Double])

    /// The grid every sweep takes unless told otherwise, as a command line writes it: h from 1e−1
    /// to 1e−16, the reference figure's range, from where truncation rules to where rounding has
    /// taken every digit.
    public static let standardText = "1e-1...1e-16"

    /// `standardText`'s grid.
    public static let standard = try! StepGrid(parsing: standardText)

    /// Steps a decade of `standard` takes unless told otherwise.
    public static let standardPerDecade = 10

    /// The most steps a grid may have unless the user insists.
    public static let defaultLimit = 10_000_000

    /// Steps that cannot be read, and what would be valid.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// What a grid's values are, for its messages: steps h, or the cost experiment's sizes n
    /// (the same log-spaced grid, 10...10^6).
    public enum Quantity: Sendable {
        case step, size

        var noun: String { self == .step ? "step" : "size" }
        var examples: String { self == .step ? "1e-1...1e-16 or a list like 1e-2,1e-4,1e-8" : "10...1000000 or a list like 10,100,1000" }
    }

    /// Parses `1e-1...1e-16` or `1e-2,1e-4,1e-8`. Every value must be a finite number > 0.
    public init(parsing text: String, of quantity: Quantity = .step) throws {
        let noun = quantity.noun
        let valid = "expected a range like \(quantity.examples) of finite \(noun)s > 0"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("...") {
            let ends = trimmed.components(separatedBy: "...")
            guard ends.count == 2 else {
                throw ParseError(description: "'\(text)' has more than one '...'; \(valid)")
            }
            let from = try Self.value(ends[0], in: text, noun: noun, valid: valid)
            let to = try Self.value(ends[1], in: text, noun: noun, valid: valid)
            self = .logRange(from: from, to: to)
        } else if trimmed.contains("..") {
            throw ParseError(description: "'\(text)' uses '..'; a range takes three dots: 1e-1...1e-16")
        } else {
            let items = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            self = .list(try items.map { try Self.value(String($0), in: text, noun: noun, valid: valid) })
        }
    }

    private static func value(_ item: String, in text: String, noun: String, valid: String) throws -> Double {
        let token = item.trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else {
            throw ParseError(description: "'\(text)' has an empty \(noun); \(valid)")
        }
        guard let value = Double(token) else {
            throw ParseError(description: "'\(token)' is not a number; \(valid)")
        }
        guard value.isFinite else {
            throw ParseError(description: "\(noun) '\(token)' is not finite; \(valid)")
        }
        // "1e-330" reads as 0: below the least Double, not a nonpositive step.
        let mantissa = token.prefix { $0 != "e" && $0 != "E" }
        if value == 0, !token.hasPrefix("-"), mantissa.contains(where: { $0.isNumber && $0 != "0" }) {
            throw ParseError(description: "\(noun) '\(token)' is below the smallest Double (4.9e-324) and reads as 0; \(valid)")
        }
        guard value > 0 else {
            throw ParseError(description: "\(noun) '\(token)' is not > 0; \(valid)")
        }
        return value
    }

    /// How many steps `steps(perDecade:)` gives, without making them.
    public func count(perDecade: Int) -> Int {
        switch self {
        case .list(let steps): return steps.count
        case .logRange(let from, let to):
            let decades = abs(log10(to) - log10(from))
            return Int((decades * Double(perDecade)).rounded()) + 1
        }
    }

    /// The steps, in the order given. A range has `perDecade` steps per decade (rounded to a whole
    /// number of intervals), both endpoints exactly as written, and 10^(log10 A + k·Δ) between,
    /// each made when it is read.
    public func steps(perDecade: Int) -> Steps {
        switch self {
        case .list(let steps): Steps(steps)
        case .logRange(let from, let to): Steps(logFrom: from, to: to, intervals: count(perDecade: perDecade) - 1)
        }
    }
}
