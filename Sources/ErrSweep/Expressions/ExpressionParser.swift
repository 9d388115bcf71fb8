/// Reads an expression. The grammar, by precedence from loosest to tightest:
///
///     expression := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := ("-" | "+") unary | power
///     power      := primary ("^" unary)?          right-associative: 2^3^2 = 2^(3^2)
///     primary    := number | constant | variable | function "(" expression ("," expression)* ")"
///                 | "(" expression ")"
///
/// so -x^2 is -(x^2), and 2^-3 is 2^(-3). Numbers are decimal (2, 1.5, 1.5e-3, .5); constants
/// are `pi` and `e`; any other identifier is a variable. Functions: see `MathExpression.Function`,
/// and `ln` for `log`.
public struct ExpressionParser {
    /// Why an expression could not be read, and where.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let text: String
        /// The 0-based character position of the problem.
        public let position: Int
        public let message: String

        /// The expression with a caret under the problem, and the message.
        /// A line break or tab in the text is shown as one visible symbol, so the caret stays
        /// under the character it points at.
        public var description: String {
            let shown = String(text.map { $0.isNewline ? "⏎" : $0 == "\t" ? "→" : $0 })
            return "cannot read the expression: \(message)\n  \(shown)\n  \(String(repeating: " ", count: position))^"
        }
    }

    enum Token: Equatable {
        case number(significand: Int, exponent: Int)
        case identifier(String)
        case symbol(Character)
        case end
    }

    /// Bounds that keep every recursive walk of a tree (derivative, simplification, evaluation,
    /// printing) far inside the stack, and derivative trees small: no one types more.
    static let tokenLimit = 2000
    static let nestingLimit = 100
    /// Decimal exponents beyond this are refused, not read as infinity or zero.
    static let exponentLimit = 100_000

    let text: String
    var tokens: [(token: Token, position: Int)] = []
    var index = 0
    var nesting = 0

    /// Parses `text` into an expression.
    public static func parse(_ text: String) throws -> MathExpression {
        var parser = ExpressionParser(text: text)
        try parser.tokenize()
        let expression = try parser.expression()
        guard case .end = parser.current else {
            throw parser.failure("expected an operator (+ - * / ^) or the end, found \(parser.describe(parser.current))")
        }
        return expression
    }

    /// Parses `text` as a comma-separated list of expressions, the components of a function of
    /// several outputs (`p*q, sin(p) + q^2`); a comma inside a function's parentheses separates
    /// its arguments, not components.
    public static func parseList(_ text: String) throws -> [MathExpression] {
        var parser = ExpressionParser(text: text)
        try parser.tokenize()
        var list = [try parser.expression()]
        while case .symbol(",") = parser.current {
            parser.index += 1
            list.append(try parser.expression())
        }
        guard case .end = parser.current else {
            throw parser.failure("expected an operator (+ - * / ^), a comma before the next component, or the end, found \(parser.describe(parser.current))")
        }
        return list
    }

    init(text: String) { self.text = text }

    var current: Token { tokens[index].token }
    var position: Int { tokens[index].position }

    func failure(_ message: String, at position: Int? = nil) -> Failure {
        Failure(text: text, position: position ?? self.position, message: message)
    }

    func describe(_ token: Token) -> String {
        switch token {
        case .number: "a number"
        case .identifier(let name): "'\(name)'"
        case .symbol(let c): "'\(c)'"
        case .end: "the end"
        }
    }

    // MARK: Tokens

    mutating func tokenize() throws {
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == " " || c == "\t" { i += 1; continue }
            // Digits are ASCII: a full-width １ or an Arabic-Indic ١ is a character, not a digit.
            if c.isASCIIDigit || (c == "." && i + 1 < characters.count && characters[i + 1].isASCIIDigit) {
                let start = i
                var digits = "", exponent = 0, seenPoint = false
                while i < characters.count, characters[i].isASCIIDigit || (characters[i] == "." && !seenPoint) {
                    if characters[i] == "." { seenPoint = true } else {
                        digits.append(characters[i])
                        if seenPoint { exponent -= 1 }
                    }
                    i += 1
                }
                if i < characters.count, characters[i] == "e" || characters[i] == "E" {
                    var j = i + 1
                    var sign = 1
                    if j < characters.count, characters[j] == "+" || characters[j] == "-" { sign = characters[j] == "-" ? -1 : 1; j += 1 }
                    var power = ""
                    while j < characters.count, characters[j].isASCIIDigit { power.append(characters[j]); j += 1 }
                    if !power.isEmpty {
                        guard let p = Int(power), p < 2 * Self.exponentLimit else {
                            throw Failure(text: text, position: start, message: "a number beyond 1e\(Self.exponentLimit)")
                        }
                        exponent += sign * p
                        i = j
                    }
                }
                // One spelling per value — no leading or trailing zeros in the significand — so that
                // printing a tree and reading it back gives the same tree ("2e3" and "2000" alike).
                var trimmed = Substring(digits.drop { $0 == "0" })
                while trimmed.last == "0" { trimmed = trimmed.dropLast(); exponent += 1 }
                if trimmed.isEmpty { exponent = 0 }
                guard trimmed.count <= 18, let significand = Int(trimmed.isEmpty ? "0" : trimmed) else {
                    throw Failure(text: text, position: start, message: "a number with more than 18 significant digits")
                }
                guard abs(exponent) < Self.exponentLimit else {
                    throw Failure(text: text, position: start, message: "a number beyond 1e\(Self.exponentLimit)")
                }
                tokens.append((.number(significand: significand, exponent: exponent), start))
                continue
            }
            if c.isLetter || c == "_" {
                let start = i
                var name = ""
                while i < characters.count, characters[i].isLetter || characters[i].isNumber || characters[i] == "_" {
                    name.append(characters[i])
                    i += 1
                }
                tokens.append((.identifier(name), start))
                continue
            }
            if "+-*/^(),".contains(c) {
                tokens.append((.symbol(c), i))
                i += 1
                continue
            }
            let named = c.isNewline ? "a line break" : c.isNumber ? "'\(c)', a digit that is not ASCII 0-9" : "'\(c)'"
            throw Failure(text: text, position: i, message: "unexpected character \(named); expected a number, a name, + - * / ^ ( ) or ,")
        }
        tokens.append((.end, characters.count))
        guard tokens.count <= Self.tokenLimit else {
            throw Failure(text: text, position: tokens[Self.tokenLimit].position, message: "the expression is too long: \(tokens.count - 1) symbols, at most \(Self.tokenLimit - 1)")
        }
    }

    // MARK: Grammar

    mutating func expression() throws -> MathExpression {
        var left = try term()
        while case .symbol(let c) = current, c == "+" || c == "-" {
            index += 1
            left = .binary(c == "+" ? .add : .subtract, left, try term())
        }
        return left
    }

    mutating func term() throws -> MathExpression {
        var left = try unary()
        while case .symbol(let c) = current, c == "*" || c == "/" {
            index += 1
            left = .binary(c == "*" ? .multiply : .divide, left, try unary())
        }
        return left
    }

    /// Every nesting — parentheses, a call, a sign, an exponent — passes through here.
    mutating func unary() throws -> MathExpression {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.nestingLimit else {
            throw failure("nested more than \(Self.nestingLimit) deep")
        }
        if case .symbol("-") = current { index += 1; return .negate(try unary()) }
        if case .symbol("+") = current { index += 1; return try unary() }
        return try power()
    }

    mutating func power() throws -> MathExpression {
        let base = try primary()
        if case .symbol("^") = current {
            index += 1
            return .binary(.power, base, try unary())
        }
        return base
    }

    mutating func primary() throws -> MathExpression {
        let start = position
        switch current {
        case .number(let significand, let exponent):
            index += 1
            return .number(significand: significand, exponent: exponent)
        case .symbol("("):
            index += 1
            let inner = try expression()
            guard case .symbol(")") = current else {
                throw failure("expected ')' to close the '(' at column \(start + 1), found \(describe(current))")
            }
            index += 1
            return inner
        case .identifier(let name):
            index += 1
            if case .symbol("(") = current {
                guard let function = MathExpression.Function(rawValue: name) ?? MathExpression.Function.aliases[name] else {
                    throw failure("unknown function '\(name)'; did you mean '\(Self.nearestFunction(to: name))'?", at: start)
                }
                let open = position
                index += 1
                var args = [try expression()]
                while case .symbol(",") = current {
                    index += 1
                    args.append(try expression())
                }
                guard case .symbol(")") = current else {
                    throw failure("expected ',' or ')' to close the '(' at column \(open + 1), found \(describe(current))")
                }
                index += 1
                guard args.count == function.arity else {
                    throw failure("\(name) takes \(function.arity) argument\(function.arity == 1 ? "" : "s"), not \(args.count)", at: start)
                }
                return .call(function, args)
            }
            if let constant = MathExpression.Constant(rawValue: name) { return .constant(constant) }
            if MathExpression.Function(rawValue: name) != nil || MathExpression.Function.aliases[name] != nil {
                throw failure("'\(name)' is a function: write \(name)(…)", at: start)
            }
            return .variable(name)
        default:
            throw failure("expected a number, a name or '(', found \(describe(current))")
        }
    }

    /// The known function name closest to `name` in edit distance.
    static func nearestFunction(to name: String) -> String {
        let names = MathExpression.Function.allCases.map(\.rawValue) + MathExpression.Function.aliases.keys
        return names.min { editDistance($0, name) < editDistance($1, name) } ?? "exp"
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}

extension Character {
    /// 0 to 9.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
