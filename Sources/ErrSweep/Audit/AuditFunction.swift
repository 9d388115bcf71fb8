import RealModule

/// One function of the expression grammar as the number-system audit measures it: the formula in
/// x, the interval its chart shows, and the arguments where its implementations are most likely
/// to go wrong (singularities, branch points, where it saturates).
public struct AuditFunction: Sendable {
    public let name: String
    public let expression: MathExpression
    /// The interval sampled evenly (and drawn in the chart).
    public let interval: ClosedRange<Double>
    /// Arguments near the function's hard places.
    public let special: [Double]

    init(_ formula: String, interval: ClosedRange<Double>, special: [Double] = []) {
        name = formula
        expression = try! ExpressionParser.parse(formula)
        self.interval = interval
        self.special = special
    }

    /// The grammar's name of the function: `pow` for `pow(x, 2.5)`.
    public var functionName: String { String(name.prefix { $0 != "(" }) }

    /// a ± 2^−k for k = 1, 4, …, 52: approaching a from both sides down to an ulp.
    static func approaching(_ a: Double) -> [Double] {
        stride(from: 1, through: 52, by: 3).flatMap { k in
            let offset = Double(sign: .plus, exponent: -k, significand: 1) * max(1, abs(a))
            return [a + offset, a - offset]
        }
    }

    /// Every function of the grammar: the 21 of one argument, and pow and hypot with a constant.
    public static let all: [AuditFunction] = [
        AuditFunction("exp(x)", interval: -20...20, special: [-745, -708, 700, 709.7, -1e-300]),
        AuditFunction("expm1(x)", interval: -4...4, special: [-40, 1e-300, -1e-300, 700]),
        AuditFunction("log(x)", interval: 0...4, special: approaching(1) + [.leastNonzeroMagnitude, Double("1e-310")!, 1e300]),
        AuditFunction("log1p(x)", interval: -1...3, special: approaching(-1) + [1e-300, -1e-300, 1e300]),
        AuditFunction("sqrt(x)", interval: 0...4, special: [.leastNonzeroMagnitude, Double("1e-310")!, 1e300]),
        AuditFunction("cbrt(x)", interval: -4...4, special: [-1e-300, 1e-300, 1e300, -1e300]),
        AuditFunction("sin(x)", interval: -7...7, special: [3.141592653589793, 1e8, 1e15, 1e22, 1e300]),
        AuditFunction("cos(x)", interval: -7...7, special: approaching(1.5707963267948966) + [1e8, 1e22]),
        AuditFunction("tan(x)", interval: -4...4, special: approaching(1.5707963267948966) + [1e8, 1e22]),
        AuditFunction("asin(x)", interval: -1...1, special: approaching(1) + approaching(-1)),
        AuditFunction("acos(x)", interval: -1...1, special: approaching(1) + approaching(-1)),
        AuditFunction("atan(x)", interval: -8...8, special: [1e8, -1e15, 1e150, 1e300]),
        AuditFunction("sinh(x)", interval: -8...8, special: [-700, 700, 710]),
        AuditFunction("cosh(x)", interval: -8...8, special: [-700, 700, 710]),
        AuditFunction("tanh(x)", interval: -40...40, special: [-355, 355, 700]),
        AuditFunction("asinh(x)", interval: -8...8, special: [1e150, -1e300]),
        AuditFunction("acosh(x)", interval: 1...9, special: approaching(1) + [1e150, 1e300]),
        AuditFunction("atanh(x)", interval: -1...1, special: approaching(1) + approaching(-1)),
        AuditFunction("sigmoid(x)", interval: -40...40, special: [-745, -700, 700]),
        AuditFunction("softplus(x)", interval: -40...40, special: [-745, -700, 700]),
        AuditFunction("pow(x, 2.5)", interval: 0...4, special: [1e-300, 1e100]),
        AuditFunction("pow(1.5, x)", interval: -8...8, special: [-1700, 1700]),
        AuditFunction("hypot(x, 3)", interval: -8...8, special: [1e-300, 1e150]),
    ]

    /// The arguments measured: 161 evenly spaced over the interval, ±10^k for k from −20 to 20 in
    /// steps of ½, the extremes of the format (subnormals, 1e±300), and the special points.
    public var arguments: [Double] {
        var xs: [Double] = (0...160).map { interval.lowerBound + (interval.upperBound - interval.lowerBound) * Double($0) / 160 }
        for k in stride(from: -20.0, through: 20, by: 0.5) {
            let m = Double.pow(10, k)
            xs += [m, -m]
        }
        xs += [.leastNonzeroMagnitude, Double("1e-310")!, 1e-300, 1e-200, 1e-100, 1e100, 1e200, 1e300].flatMap { [$0, -$0] }
        xs += special
        return Array(Set(xs.filter(\.isFinite))).sorted()
    }
}
