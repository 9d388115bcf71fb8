/// A function a user types, as a tree: `exp(x)/sqrt(sin(x)^3+cos(x)^3)`.
public indirect enum MathExpression: Sendable, Hashable {
    /// A decimal literal, kept exact: significand × 10^exponent.
    case number(significand: Int, exponent: Int)
    case constant(Constant)
    case variable(String)
    case negate(MathExpression)
    case binary(BinaryOperator, MathExpression, MathExpression)
    case call(Function, [MathExpression])
    /// `ifLess` when a < b, else `otherwise`: the derivative of abs, min and max.
    case choose(a: MathExpression, b: MathExpression, ifLess: MathExpression, otherwise: MathExpression)

    /// π and e, rounded once at whatever precision an evaluation runs in.
    public typealias Constant = MathematicalConstant

    /// +, −, ×, ÷ and ^, by the symbol they are written with.
    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// The functions an expression may call, by the name it is written with.
    public enum Function: String, Sendable, CaseIterable {
        case exp, log, log1p, expm1, sqrt, cbrt, sin, cos, tan, asin, acos, atan
        case sinh, cosh, tanh, asinh, acosh, atanh, abs, sigmoid, softplus
        case pow, hypot, min, max

        public var arity: Int {
            switch self {
            case .pow, .hypot, .min, .max: 2
            default: 1
            }
        }

        /// Accepted spellings besides the name itself.
        public static let aliases: [String: Function] = ["ln": .log]
    }

    /// The integer `n` as a literal.
    public static func integer(_ n: Int) -> MathExpression { .number(significand: n, exponent: 0) }
    public static let zero = MathExpression.integer(0)
    public static let one = MathExpression.integer(1)

    /// The variables, in order of first appearance.
    public var variables: [String] {
        var seen: [String] = []
        func visit(_ e: MathExpression) {
            switch e {
            case .variable(let name): if !seen.contains(name) { seen.append(name) }
            case .number, .constant: break
            case .negate(let a): visit(a)
            case .binary(_, let a, let b): visit(a); visit(b)
            case .call(_, let args): args.forEach(visit)
            case .choose(let a, let b, let x, let y): [a, b, x, y].forEach(visit)
            }
        }
        visit(self)
        return seen
    }

    /// The integer value of a literal with no fractional part, if it is one.
    var integerValue: Int? {
        guard case .number(let significand, let exponent) = self else {
            if case .negate(let inner) = self, let n = inner.integerValue { return -n }
            return nil
        }
        guard exponent >= 0, exponent <= 18 else { return exponent < 0 && significand % power10(-exponent) == 0 ? significand / power10(-exponent) : nil }
        let (product, overflow) = significand.multipliedReportingOverflow(by: power10(exponent))
        return overflow ? nil : product
    }

    var isZero: Bool { integerValue == 0 }
    var isOne: Bool { integerValue == 1 }
}

func power10(_ n: Int) -> Int {
    (0..<min(n, 18)).reduce(1) { acc, _ in acc * 10 }
}
