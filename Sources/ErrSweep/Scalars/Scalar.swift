import ComplexModule
// Re-exported: a package that writes `func callAsFunction<T: Scalar>` needs Scalar's arithmetic
// (AlgebraicField, ElementaryFunctions: +, /, T.exp) with `import ErrSweep` alone.
@_exported import RealModule

/// The number systems every function in errsweep is written against, once.
///
/// A function written as `func f<T: Scalar>(_ x: T) -> T` evaluates unchanged in every method's
/// number system: IEEE floats for the difference stencils, `Complex` for the complex step,
/// `Dual` for forward-mode AD, `Tracked` for reverse-mode AD, `Ball` (Arb) for the proved truth
/// and `BigFloat` (MPFR) for correctly rounded reference values.
///
/// The arithmetic is the pair `ElementaryFunctions & AlgebraicField`, not `Real`: `Complex<T>`
/// conforms to the pair but is not ordered. Constants enter through integer literals (exact in
/// every system); a non-integer constant is a ratio of integers (`1 / 2`), π and e come from
/// `init(constant:)`.
///
/// The two ordering requirements serve `abs`, `min` and `max` in expressions. They compare the
/// real value a number stands for: its value for a dual or tracked number, and its real part for a
/// complex one — the usual extension for the complex step (Martins, Sturdza & Alonso, "The
/// complex-step derivative approximation", ACM TOMS 29(3), 2003, §3.3), which keeps abs(x + ih) =
/// −(x + ih) for x < 0 and so differentiates |x| correctly away from 0.
public protocol Scalar: ElementaryFunctions, AlgebraicField {
    /// The decimal significand × 10^exponent, rounded once to this number system: how an
    /// expression's literal (1.5e-3) enters it, as a compiler would read it.
    init(decimalSignificand significand: Int, exponent: Int)

    /// π or e rounded once to this number system (for MPFR, at the precision of the evaluation
    /// it enters: `BigFloat.withLiteralPrecision`).
    init(constant: MathematicalConstant)

    /// `value` rounded to this number system (exact for Double and wider): how a fixed coordinate
    /// of a point enters a function of several variables.
    init(double value: Double)

    /// √(a² + b²) without overflow or underflow of the squares. The working precisions use their
    /// libm's; the others default to `scaledHypot`.
    static func hypot(_ a: Self, _ b: Self) -> Self

    /// The logistic function σ(x) = 1/(1 + e^−x), a primitive as in PyTorch and JAX: the
    /// complex step and AD each need their own form of it (see `ComponentwiseComplex.sigmoid`,
    /// `sigmoidDerivative`). The default takes the branch whose exponential cannot overflow:
    /// e^(−x) for x ≥ 0 and e^x/(1 + e^x) below (1/(1 + e^(−x)) is 0 at x = −745, where σ is
    /// 5e−324). Both branches are analytic, so every method sees σ.
    static func sigmoid(_ x: Self) -> Self

    /// σ′(x) = σ(x)·σ(−x), the rule both AD modes record. Near x = 0, σ′ lies just below ¼, where
    /// an ulp is smallest relative to the value, so each rounding of a textbook chain
    /// (e, 1 + e, its square, the quotient) costs nearly a whole ulp; the working precisions form
    /// it in double-word arithmetic and round once.
    static func sigmoidDerivative(_ x: Self) -> Self

    /// softplus(x) = log(1 + e^x), whose derivative is σ. The default takes the branch whose
    /// exponential cannot overflow (log1p(e^x) is +inf at 710, where softplus is 710): x +
    /// log1p(e^(−x)) for x ≥ 0. Both branches are analytic, so every method sees softplus.
    static func softplus(_ x: Self) -> Self

    /// Whether the real value is below zero.
    static func isNegative(_ x: Self) -> Bool
    /// Whether a's real value is below b's.
    static func isLess(_ a: Self, _ b: Self) -> Bool

    /// `ifLess()` when a's real value is below b's, else `otherwise()`: how abs, min, max and an
    /// expression's branch choose. The default asks `isLess`; a `Ball` whose comparison is not
    /// decided at its precision returns a ball around both branches, and a dual number chooses its
    /// value and its tangent by its value's rule.
    static func select(_ a: Self, isLessThan b: Self, _ ifLess: () -> Self, otherwise: () -> Self) -> Self
}

extension Scalar {
    @inlinable
    public static func hypot(_ a: Self, _ b: Self) -> Self { scaledHypot(a, b) }

    @inlinable
    public static func select(_ a: Self, isLessThan b: Self, _ ifLess: () -> Self, otherwise: () -> Self) -> Self {
        isLess(a, b) ? ifLess() : otherwise()
    }

    /// |x| by its real value: −x below 0 (`select`).
    @inlinable
    public static func absolute(_ x: Self) -> Self { select(x, isLessThan: 0, { -x }, otherwise: { x }) }

    @inlinable
    public static func sigmoid(_ x: Self) -> Self {
        if isNegative(x) {
            let e = exp(x)
            return e / (1 + e)
        }
        return 1 / (1 + exp(-x))
    }

    @inlinable
    public static func sigmoidDerivative(_ x: Self) -> Self { sigmoid(x) * sigmoid(-x) }

    @inlinable
    public static func softplus(_ x: Self) -> Self {
        isNegative(x) ? log(onePlus: exp(x)) : x + log(onePlus: exp(-x))
    }

    /// |a|·√(1 + (b/a)²) with |a| ≥ |b| (compared by real value), so a² + b² cannot overflow.
    /// The larger is never divided by itself: a complex a/|a| is ±1 only up to rounding, and that
    /// rounding, times |a|, would swamp a complex step's imaginary part.
    @inlinable
    public static func scaledHypot(_ a: Self, _ b: Self) -> Self {
        let absA = isNegative(a) ? -a : a, absB = isNegative(b) ? -b : b
        let (large, small) = isLess(absA, absB) ? (absB, absA) : (absA, absB)
        if large == 0 { return large }
        let ratio = small / large
        return large * sqrt(1 + ratio * ratio)
    }
}

extension Scalar where Self: Comparable {
    @inlinable
    public static func isNegative(_ x: Self) -> Bool { x < 0 }
    @inlinable
    public static func isLess(_ a: Self, _ b: Self) -> Bool { a < b }
}

extension Scalar where Self: LosslessStringConvertible {
    /// The IEEE types parse decimal text correctly rounded.
    @inlinable
    public init(decimalSignificand significand: Int, exponent: Int) {
        self.init("\(significand)e\(exponent)")!
    }
}

extension Scalar where Self: BinaryFloatingPoint {
    @inlinable
    public init(double value: Double) { self.init(value) }
}

extension WorkingFloat {
    /// e/(1 + e)² with e = e^(−|x|) (= σ(x)·σ(−x)), the square and quotient in double words:
    /// one rounding at the end, plus e's own, which reaches σ′ damped by (1 − e)/(1 + e).
    @inlinable
    public static func sigmoidDerivative(_ x: Self) -> Self {
        let e = exp(-x.magnitude)
        let denominator = DoubleWord.fastSum(1, e)
        return (DoubleWord(e) / (denominator * denominator)).rounded
    }

    @inlinable
    public init(constant: MathematicalConstant) {
        self = switch constant {
        case .pi: Self.roundedConstants.pi
        case .e: Self.roundedConstants.e
        }
    }
}

extension Float16: Scalar {}
extension Float: Scalar {}
extension Double: Scalar {}
#if arch(x86_64) || arch(i386)
extension Float80: Scalar {}
#endif

extension BigFloat: Scalar {
    /// Rounded once at the literal precision: the precision of the evaluation the literal enters
    /// (`withLiteralPrecision`), so that the truth's two evaluations see two roundings of 0.1.
    @inlinable
    public init(decimalSignificand significand: Int, exponent: Int) {
        self = BigFloat(decimal: "\(significand)e\(exponent)", precision: BigFloat.literalPrecision)!
    }

    @inlinable
    public init(constant: MathematicalConstant) {
        self = BigFloat(constant, precision: BigFloat.literalPrecision)
    }

    @inlinable
    public init(double value: Double) { self.init(value) }
}

extension Dual: LiftedScalar {
    @inlinable
    public init(lifting value: Value) { self.init(value) }

    /// The branch the values' comparison chooses, evaluated alone; where the value's `select`
    /// takes both (a `Dual<Ball>` undecided at its precision) the tangents are joined the same
    /// way, so the result encloses both branches' derivatives too.
    @inlinable
    public static func select(_ a: Dual, isLessThan b: Dual, _ ifLess: () -> Dual, otherwise: () -> Dual) -> Dual {
        var left: Dual?, right: Dual?
        let value = Value.select(a.value, isLessThan: b.value,
                                 { left = ifLess(); return left!.value }, otherwise: { right = otherwise(); return right!.value })
        switch (left, right) {
        case let (left?, right?):
            return Dual(value, tangent: Value.select(a.value, isLessThan: b.value, { left.tangent }, otherwise: { right.tangent }))
        case let (left?, nil): return Dual(value, tangent: left.tangent)
        case let (nil, right?): return Dual(value, tangent: right.tangent)
        case (nil, nil): preconditionFailure("select chose no branch")
        }
    }
}

/// A tracked value enters as a constant of the tape (no node) and is ordered by its value.
extension Tracked: LiftedScalar {
    @inlinable @inline(__always)
    public init(lifting value: Value) { self.init(constant: value) }
}

extension Complex: Scalar where RealType: Scalar {
    @inlinable
    public init(decimalSignificand significand: Int, exponent: Int) {
        self.init(RealType(decimalSignificand: significand, exponent: exponent))
    }

    @inlinable
    public init(double value: Double) { self.init(RealType(double: value)) }
    @inlinable
    public init(constant: MathematicalConstant) { self.init(RealType(constant: constant)) }

    @inlinable
    public static func isNegative(_ z: Complex) -> Bool { z.real < 0 }
    @inlinable
    public static func isLess(_ a: Complex, _ b: Complex) -> Bool { a.real < b.real }
}

extension BigComplex: Scalar {
    @inlinable
    public init(decimalSignificand significand: Int, exponent: Int) {
        let real = BigFloat(decimalSignificand: significand, exponent: exponent)
        self.init(real, BigFloat(0), precision: real.precision)
    }

    @inlinable
    public init(double value: Double) { self.init(BigFloat(value), BigFloat(0)) }

    @inlinable
    public init(constant: MathematicalConstant) {
        let real = BigFloat(constant: constant)
        self.init(real, BigFloat(0), precision: real.precision)
    }

    @inlinable
    public static func isNegative(_ z: BigComplex) -> Bool { z.real.signum < 0 }
    @inlinable
    public static func isLess(_ a: BigComplex, _ b: BigComplex) -> Bool { a.real < b.real }
}
