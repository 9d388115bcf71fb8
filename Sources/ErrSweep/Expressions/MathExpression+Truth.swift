/// An expression's exact values at a point of several variables, through the one proved path
/// (`Truth.proved`): the gradients' and Hessians' truths.
extension MathExpression {
    /// The expression enclosed in a ball at `point` (each coordinate exact; a variable not given
    /// is 0), the arithmetic and every literal at `precision` bits.
    public func enclosure(at point: [String: Double], precision: Int) -> Ball {
        BigFloat.withLiteralPrecision(precision) { evaluate { Ball(point[$0] ?? 0, precision: precision) } }
    }

    /// The expression at `point` in MPFR at `precision` bits: only to tell a domain error from a
    /// pole where the ball is not finite.
    func mpfrValue(at point: [String: Double], precision: Int) -> BigFloat {
        BigFloat.withLiteralPrecision(precision) { evaluate { BigFloat(point[$0] ?? 0, precision: precision) } }
    }

    /// The expression's value at `point` proved and rounded to Double.
    public func truth(at point: [String: Double], maximumBits: Int = Truth<Double>.defaultMaximumBits) -> Result<Truth<Double>, Truth<Double>.Failure> {
        Truth<Double>.proved(maximumBits: maximumBits, { enclosure(at: point, precision: $0) }, classify: { bits in
            Truth<Double>.classification { mpfrValue(at: point, precision: bits) }
        })
    }

    /// Why the expression has no value at `point` (a domain error or a pole), or nil: the check a
    /// partial derivative needs of f itself, since a partial can be defined where f is not
    /// (∂(√p + q)/∂q = 1 at p = −1).
    public func undefined(at point: [String: Double]) -> Truth<Double>.Failure? {
        let bits = Truth<Double>.startingBits
        return Truth<Double>.undefined(enclosure(at: point, precision: bits), mpfr: { mpfrValue(at: point, precision: bits) })
    }
}
