/// The symbolic derivative: differentiate the tree, rule by rule, simplifying as it goes. This is
/// the truth for an expression — evaluated in MPFR like a catalog function's hand-derived f′.
/// The rules are written in forms that do not cancel where their textbook forms would: σ′(u) as
/// σ(u)·σ(−u), not σ(1−σ), whose 1 − σ loses every digit for large u; tanh′(u) as 1/cosh²u,
/// not 1 − tanh²u.
extension MathExpression {
    /// The symbolic partial derivative in `variable`, by the usual rules, simplified.
    public func derivative(withRespectTo variable: String) -> MathExpression {
        switch self {
        case .number, .constant: return .zero
        case .variable(let name): return name == variable ? .one : .zero
        case .negate(let a): return .negation(a.derivative(withRespectTo: variable))
        case .binary(let op, let a, let b):
            let da = a.derivative(withRespectTo: variable), db = b.derivative(withRespectTo: variable)
            switch op {
            case .add: return .sum(da, db)
            case .subtract: return .difference(da, db)
            case .multiply: return .sum(.product(da, b), .product(a, db))
            case .divide:
                // (a/b)′ = a′/b − a·b′/b²
                return .difference(.quotient(da, b), .quotient(.product(a, db), .power(b, .integer(2))))
            case .power:
                return Self.powerDerivative(a, b, da, db)
            }
        case .call(let function, let args):
            let u = args[0], du = u.derivative(withRespectTo: variable)
            let local: MathExpression
            switch function {
            case .exp: local = .call(.exp, [u])
            case .log: local = .quotient(.one, u)
            case .log1p: local = .quotient(.one, .sum(.one, u))
            case .expm1: local = .call(.exp, [u])
            case .sqrt: local = .quotient(.one, .product(.integer(2), .call(.sqrt, [u])))
            case .cbrt: local = .quotient(.one, .product(.integer(3), .power(.call(.cbrt, [u]), .integer(2))))
            case .sin: local = .call(.cos, [u])
            case .cos: local = .negation(.call(.sin, [u]))
            case .tan: local = .quotient(.one, .power(.call(.cos, [u]), .integer(2)))
            case .asin: local = .quotient(.one, .call(.sqrt, [.product(.difference(.one, u), .sum(.one, u))]))
            case .acos: local = .negation(.quotient(.one, .call(.sqrt, [.product(.difference(.one, u), .sum(.one, u))])))
            case .atan: local = .quotient(.one, .sum(.one, .power(u, .integer(2))))
            case .sinh: local = .call(.cosh, [u])
            case .cosh: local = .call(.sinh, [u])
            case .tanh: local = .quotient(.one, .power(.call(.cosh, [u]), .integer(2)))
            case .asinh: local = .quotient(.one, .call(.sqrt, [.sum(.power(u, .integer(2)), .one)]))
            case .acosh: local = .quotient(.one, .call(.sqrt, [.product(.difference(u, .one), .sum(u, .one))]))
            case .atanh: local = .quotient(.one, .product(.difference(.one, u), .sum(.one, u)))
            case .abs: local = .choose(a: u, b: .zero, ifLess: .integer(-1), otherwise: .one)
            case .sigmoid:
                // σ(u)·σ(−u): no cancellation, and no e^(−u) to overflow MPFR's exponent range.
                local = .product(.call(.sigmoid, [u]), .call(.sigmoid, [.negation(u)]))
            case .softplus: local = .call(.sigmoid, [u])
            case .pow:
                return Self.powerDerivative(u, args[1], du, args[1].derivative(withRespectTo: variable))
            case .hypot:
                let v = args[1], dv = v.derivative(withRespectTo: variable)
                return .quotient(.sum(.product(u, du), .product(v, dv)), self)
            case .min, .max:
                let v = args[1], dv = v.derivative(withRespectTo: variable)
                // The derivative of the side the evaluation picks (min takes v only when v < u).
                return function == .min
                    ? .choose(a: v, b: u, ifLess: dv, otherwise: du)
                    : .choose(a: u, b: v, ifLess: dv, otherwise: du)
            }
            return .product(local, du)
        case .choose(let a, let b, let x, let y):
            return .choose(a: a, b: b, ifLess: x.derivative(withRespectTo: variable), otherwise: y.derivative(withRespectTo: variable))
        }
    }

    /// (a^b)′: b·a^(b−1)·a′ for a constant exponent (an integer one stays an integer power),
    /// a^b·(b′·ln a + b·a′/a) when the exponent varies.
    static func powerDerivative(_ a: MathExpression, _ b: MathExpression, _ da: MathExpression, _ db: MathExpression) -> MathExpression {
        if db.isZero {
            let lowered: MathExpression = if let n = b.integerValue { .integer(n - 1) } else { .difference(b, .one) }
            return .product(.product(b, .power(a, lowered)), da)
        }
        let whole = MathExpression.power(a, b)
        return .product(whole, .sum(.product(db, .call(.log, [a])), .quotient(.product(b, da), a)))
    }
}
