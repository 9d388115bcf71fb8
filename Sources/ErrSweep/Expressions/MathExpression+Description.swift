/// An expression written back as text, with only the parentheses precedence needs; parsing the
/// text gives the same tree. (`choose`, which only derivatives contain, prints as
/// "(x if a < b else y)" for reading; it is not part of the input grammar.)
extension MathExpression: CustomStringConvertible {
    public var description: String { text(within: 0) }

    /// Binding strength: sums 1, products 2, negation 3, powers 4, atoms 5.
    var level: Int {
        switch self {
        case .number(let s, _): s < 0 ? 3 : 5
        case .constant, .variable, .call, .choose: 5
        case .negate: 3
        case .binary(let op, _, _):
            switch op {
            case .add, .subtract: 1
            case .multiply, .divide: 2
            case .power: 4
            }
        }
    }

    func text(within outer: Int) -> String {
        let inner: String
        switch self {
        case .number(let significand, let exponent): inner = Self.numeral(significand, exponent)
        case .constant(let c): inner = c.rawValue
        case .variable(let name): inner = name
        case .negate(let a): inner = "-" + a.text(within: 3)
        case .binary(let op, let a, let b):
            switch op {
            case .add: inner = a.text(within: 1) + " + " + b.text(within: 2)
            case .subtract: inner = a.text(within: 1) + " - " + b.text(within: 2)
            case .multiply: inner = a.text(within: 2) + "*" + b.text(within: 3)
            case .divide: inner = a.text(within: 2) + "/" + b.text(within: 3)
            case .power: inner = a.text(within: 5) + "^" + b.text(within: 3)
            }
        case .call(let f, let args): inner = f.rawValue + "(" + args.map { $0.text(within: 0) }.joined(separator: ", ") + ")"
        case .choose(let a, let b, let x, let y):
            inner = "(" + x.text(within: 0) + " if " + a.text(within: 0) + " < " + b.text(within: 0) + " else " + y.text(within: 0) + ")"
        }
        return level < outer ? "(" + inner + ")" : inner
    }

    static func numeral(_ significand: Int, _ exponent: Int) -> String {
        if exponent == 0 { return String(significand) }
        if exponent > 0 && exponent <= 6 { return String(significand) + String(repeating: "0", count: exponent) }
        let digits = String(significand)
        if exponent < 0 && -exponent < digits.count {
            let point = digits.count + exponent
            return String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        return digits + "e" + String(exponent)
    }
}
