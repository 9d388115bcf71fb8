/// Constructors that simplify as they build: the identities that keep a derivative readable
/// (0·a = 0, 1·a = a, a + 0 = a, a^1 = a, −(−a) = a) and exact integer arithmetic. They take 0·a
/// as 0 even where a would be infinite, as symbolic differentiation always does.
extension MathExpression {
    static func sum(_ a: MathExpression, _ b: MathExpression) -> MathExpression {
        if a.isZero { return b }
        if b.isZero { return a }
        if let x = a.integerValue, let y = b.integerValue, case (let s, false) = x.addingReportingOverflow(y) { return .integer(s) }
        if case .negate(let inner) = b { return difference(a, inner) }
        return .binary(.add, a, b)
    }

    static func difference(_ a: MathExpression, _ b: MathExpression) -> MathExpression {
        if b.isZero { return a }
        if a.isZero { return negation(b) }
        if let x = a.integerValue, let y = b.integerValue, case (let s, false) = x.subtractingReportingOverflow(y) { return .integer(s) }
        if case .negate(let inner) = b { return sum(a, inner) }
        return .binary(.subtract, a, b)
    }

    static func product(_ a: MathExpression, _ b: MathExpression) -> MathExpression {
        if a.isZero || b.isZero { return .zero }
        if a.isOne { return b }
        if b.isOne { return a }
        if let x = a.integerValue, let y = b.integerValue, case (let p, false) = x.multipliedReportingOverflow(by: y) { return .integer(p) }
        if case .negate(let inner) = a { return negation(product(inner, b)) }
        if case .negate(let inner) = b { return negation(product(a, inner)) }
        return .binary(.multiply, a, b)
    }

    static func quotient(_ a: MathExpression, _ b: MathExpression) -> MathExpression {
        if a.isZero { return .zero }
        if b.isOne { return a }
        if case .negate(let inner) = a { return negation(quotient(inner, b)) }
        return .binary(.divide, a, b)
    }

    static func power(_ a: MathExpression, _ b: MathExpression) -> MathExpression {
        if b.isZero { return .one }
        if b.isOne { return a }
        return .binary(.power, a, b)
    }

    static func negation(_ a: MathExpression) -> MathExpression {
        if let n = a.integerValue { return n == 0 ? .zero : n > 0 ? .negate(.integer(n)) : .integer(-n) }
        if case .negate(let inner) = a { return inner }
        return .negate(a)
    }
}
