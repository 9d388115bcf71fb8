import ErrSweep
import Foundation

/// The user's words for the parts of a spec: comma lists of points, methods and precisions.
/// Each parser throws a `SpecParsingError` whose description is one line naming the problem and
/// what would be valid.
public struct SpecParsingError: Error, CustomStringConvertible, Equatable {
    public let description: String
    /// An error described in one line.
    public init(_ description: String) { self.description = description }
}

/// Reads what a sweep is asked for — points, methods, precisions — from text, with one-line errors
/// that say what would be valid.
public enum SpecParsing {
    /// `0,2,4,10`: finite numbers.
    public static func points(_ text: String) throws -> [Double] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.allSatisfy(\.isEmpty) else {
            throw SpecParsingError("no points given; expected finite numbers like 0,2,4,10")
        }
        var values: [Double] = [], seen = Set<Double>()
        for item in items {
            guard !item.isEmpty else {
                throw SpecParsingError("'\(text)' has an empty point; expected finite numbers like 0,2,4,10")
            }
            guard let value = Double(item), value.isFinite else {
                throw SpecParsingError("point '\(item)' is not a finite number; expected finite numbers like 0,2,4,10")
            }
            // A point twice would sweep twice and draw two charts under one file name.
            // (A set: the list may hold 20 000 points.)
            guard seen.insert(value).inserted else {
                throw SpecParsingError("point '\(item)' is given twice; expected distinct finite numbers like 0,2,4,10")
            }
            values.append(value)
        }
        return values
    }

    /// `-10...10`: `count` evenly spaced points, both ends included; or a list as in `points`.
    public static func pointRange(_ text: String, count: Int) throws -> [Double] {
        guard text.contains("...") else { return try points(text) }
        let ends = text.components(separatedBy: "...")
        let valid = "expected a range like -10...10 or points like 0,2,4"
        guard ends.count == 2, let low = Double(ends[0].trimmingCharacters(in: .whitespaces)),
              let high = Double(ends[1].trimmingCharacters(in: .whitespaces)), low.isFinite, high.isFinite else {
            throw SpecParsingError("'\(text)' is not a range of finite numbers; \(valid)")
        }
        guard low < high else { throw SpecParsingError("'\(text)' is empty: its start must be below its end; \(valid)") }
        guard count >= 2 else { return [low] }
        // low·(1 − t) + high·t: high − low overflows for -1e308...1e308; the weights never do.
        return (0..<count).map { i in
            let t = Double(i) / Double(count - 1)
            return i == count - 1 ? high : low * (1 - t) + high * t
        }
    }

    /// `forward,central` or `all`: methods of the K-th derivative (`derivative`), `all` being every
    /// method that computes it. A refusal names K as `option` (the command line's `--derivative`,
    /// a config file's `derivative`).
    public static func methods(_ text: String, derivative k: Int = 1, option: String = "--derivative") throws -> [DerivativeMethod] {
        let chosen = try names(text, all: DerivativeMethod.all(derivative: k), kind: "method")
        let valid = DerivativeMethod.all(derivative: k).map(\.rawValue).joined(separator: ", ")
        if let refusal = chosen.lazy.compactMap({ $0.refusal(derivative: k) }).first {
            throw SpecParsingError("\(refusal); valid for \(option) \(k): \(valid), all")
        }
        return chosen
    }

    /// `central:6,forward:3`: difference formulas by family and order of accuracy (Fornberg's
    /// weights), each by its name where it has one (`central:4` is `central5`).
    public static func stencils(_ text: String) throws -> [DerivativeMethod] {
        let valid = "family:order, forward or backward of order 1 to \(DerivativeMethod.highestOrder(of: .forward)) or central of order 2, 4, …, \(DerivativeMethod.highestOrder(of: .central)), e.g. central:6,forward:3"
        var chosen: [DerivativeMethod] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let family = DerivativeMethod.StencilFamily(rawValue: String(parts[0])) else {
                throw SpecParsingError("'\(item)' is not a stencil; valid: \(valid)")
            }
            guard let order = Int(parts[1]), let method = DerivativeMethod.stencil(family, order: order) else {
                throw SpecParsingError("'\(item)': \(family.rawValue) formulas have no order '\(parts[1])'; valid: \(valid)")
            }
            if !chosen.contains(method) { chosen.append(method) }
        }
        return chosen
    }

    /// K of `--derivative K`: 1 to `DerivativeMethod.highestDerivative`; a refusal names K as
    /// `option` (the command line's `--derivative`, a config file's or a form's `derivative`).
    public static func derivative(_ k: Int, option: String = "--derivative") throws -> Int {
        guard (1...DerivativeMethod.highestDerivative).contains(k) else {
            throw SpecParsingError("\(option) \(k) is out of range; valid: 1 (f′) to \(DerivativeMethod.highestDerivative)")
        }
        return k
    }

    /// Steps, or sizes, a decade of a range: 1 to `limit`, each command's own — a streamed sweep
    /// takes 10⁶, a landscape held in memory 1000, the cost experiment 10 — named as `option`
    /// calls it (`--per-decade`, a config's `perDecade`).
    public static func perDecade(_ count: Int, limit: Int, option: String = "--per-decade") throws -> Int {
        guard (1...limit).contains(count) else {
            // 10^6, not 1000000: the form the help text and the grid's own messages use.
            var mantissa = limit, exponent = 0
            while mantissa % 10 == 0 { mantissa /= 10; exponent += 1 }
            let shown = mantissa == 1 && exponent >= 4 ? "10^\(exponent)" : String(limit)
            throw SpecParsingError("\(option) \(count) is out of range; valid: 1 to \(shown)")
        }
        return count
    }

    /// `errsweep`, `ridders,gmsw` or `all`: black-box derivative algorithms.
    public static func estimators(_ text: String) throws -> [DerivativeEstimator] {
        try names(text, all: DerivativeEstimator.allCases, kind: "algorithm")
    }

    /// `reverse-ad,contour` or `all`: what `errsweep cost` times, for the gradient (`derivative`
    /// 1) or a Hessian-vector product (2); f alone is always timed first, as every ratio's scale.
    /// `all` is every method the run times by default; a method named only (`contour`, `central:6`)
    /// is timed when named.
    public static func gradientMethods(_ text: String, derivative k: Int) throws -> [GradientMethod] {
        let defaults = k == 2 ? GradientMethod.secondOrderCases : GradientMethod.firstOrderCases
        let valid = defaults.map(\.name).joined(separator: ", ") + (k == 2 ? "" : ", contour, family:order as central:6")
        let chosen = try names(text, all: defaults, kind: "method", valid: valid, validFor: " for --derivative \(k)") { name in
            GradientMethod(name: name).flatMap { [0, k].contains($0.derivativeOrder) ? $0 : nil }
        }
        return chosen.contains(.primal) ? chosen : [.primal] + chosen
    }

    /// `double`, `float,double` or `all`.
    public static func precisions(_ text: String) throws -> [Precision] {
        try names(text, all: Precision.available, kind: "precision")
    }

    /// `--name logistic-tail`: a name for an expression's files (Reports/NAME.md, Plots/NAME-…),
    /// 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-', and no catalog
    /// function's (whose files it would overwrite).
    public static func fileName(_ text: String) throws -> String {
        let valid = "valid: 1 to 64 ASCII letters, digits, '.', '_' or '-', not starting with '.' or '-'"
        guard (1...64).contains(text.count),
              text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)) }),
              let first = text.first, first != ".", first != "-" else {
            throw SpecParsingError("'\(text.prefix(80))' is not a file name; \(valid)")
        }
        if Catalog.function(named: text) != nil {
            throw SpecParsingError("'\(text)' is the catalog function \(text)'s, whose files it would overwrite; valid: another name")
        }
        return text
    }

    /// `png`, `png,svg` or `pdf`.
    public static func chartFormats(_ text: String) throws -> [ChartFormat] {
        try names(text, all: ChartFormat.allCases, kind: "format")
    }

    /// A comma list of names of `all`, or `all` itself; each name once, in the order given.
    static func names<Value: RawRepresentable & Equatable>(
        _ text: String, all: [Value], kind: String
    ) throws -> [Value] where Value.RawValue == String {
        try names(text, all: all, kind: kind, valid: all.map(\.rawValue).joined(separator: ", "), named: Value.init(rawValue:))
    }

    /// A comma list of names, each read by `named`, or `all`, which is `all`; each once, in the
    /// order given. A name `named` refuses is one line that says what is `valid` (` for
    /// --derivative 2`, where `validFor` says when).
    static func names<Value: Equatable>(
        _ text: String, all: [Value], kind: String, valid: String, validFor: String = "", named: (String) -> Value?
    ) throws -> [Value] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if items == ["all"] { return all }
        var chosen: [Value] = []
        for item in items {
            guard let value = named(item) else {
                let shown = item.isEmpty ? "an empty \(kind)" : "unknown \(kind) '\(item)'"
                throw SpecParsingError("\(shown); valid\(validFor): \(valid), all")
            }
            if !chosen.contains(value) { chosen.append(value) }
        }
        return chosen
    }
}

