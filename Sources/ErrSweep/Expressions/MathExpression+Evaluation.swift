import RealModule

/// An expression evaluated in any number system, exactly like a catalog function.
extension MathExpression {
    /// The value with `variable` bound to x (and every other variable to 0 — a caller with several
    /// variables uses `evaluate(_:)`).
    public func evaluate<T: Scalar>(at x: T, variable: String) -> T {
        evaluate { $0 == variable ? x : 0 }
    }

    /// The value with each variable bound by `value`.
    public func evaluate<T: Scalar>(_ value: (String) -> T) -> T {
        switch self {
        case .number(let significand, let exponent):
            return T(decimalSignificand: significand, exponent: exponent)
        case .constant(let constant): return T(constant: constant)
        case .variable(let name): return value(name)
        case .negate(let a): return -a.evaluate(value)
        case .binary(let op, let a, let b):
            let x = a.evaluate(value)
            switch op {
            case .add: return x + b.evaluate(value)
            case .subtract: return x - b.evaluate(value)
            case .multiply: return x * b.evaluate(value)
            case .divide: return x / b.evaluate(value)
            case .power:
                // Integer powers by multiplication, never through exp(log x): that is wrong for
                // x ≤ 0, and for the complex step it loses the derivative when Re z < 0.
                if let n = b.integerValue, abs(n) <= 1 << 20 { return Self.integerPower(x, n) }
                return T.pow(x, b.evaluate(value))
            }
        case .call(let function, let args):
            let a = args[0].evaluate(value)
            switch function {
            case .exp: return T.exp(a)
            case .log: return T.log(a)
            case .log1p: return T.log(onePlus: a)
            case .expm1: return T.expMinusOne(a)
            case .sqrt: return T.sqrt(a)
            case .cbrt: return T.root(a, 3)
            case .sin: return T.sin(a)
            case .cos: return T.cos(a)
            case .tan: return T.tan(a)
            case .asin: return T.asin(a)
            case .acos: return T.acos(a)
            case .atan: return T.atan(a)
            case .sinh: return T.sinh(a)
            case .cosh: return T.cosh(a)
            case .tanh: return T.tanh(a)
            case .asinh: return T.asinh(a)
            case .acosh: return T.acosh(a)
            case .atanh: return T.atanh(a)
            case .abs: return T.absolute(a)
            case .sigmoid: return T.sigmoid(a)
            case .softplus: return T.softplus(a)
            case .pow:
                if let n = args[1].integerValue, abs(n) <= 1 << 20 { return Self.integerPower(a, n) }
                return T.pow(a, args[1].evaluate(value))
            case .hypot:
                return T.hypot(a, args[1].evaluate(value))
            case .min:
                let b = args[1].evaluate(value)
                return T.select(b, isLessThan: a, { b }, otherwise: { a })
            case .max:
                let b = args[1].evaluate(value)
                return T.select(a, isLessThan: b, { b }, otherwise: { a })
            }
        case .choose(let a, let b, let ifLess, let otherwise):
            return T.select(a.evaluate(value), isLessThan: b.evaluate(value), { ifLess.evaluate(value) }, otherwise: { otherwise.evaluate(value) })
        }
    }

    /// xⁿ by binary powering: ⌈log2 n⌉ squarings, exact structure in every number system.
    static func integerPower<T: Scalar>(_ x: T, _ n: Int) -> T { T.binaryPower(x, n) }
}
