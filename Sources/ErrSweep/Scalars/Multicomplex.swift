import RealModule

/// A multicomplex number a + b·ι with ι² = −1 and a, b of another commutative number system: the
/// number system of the multicomplex step (Lantoine, Russell & Dargent, "Using multicomplex
/// variables for automatic computation of high-order derivatives", ACM TOMS 38(3), 2012).
///
/// Nesting adds imaginary units: over `ComponentwiseComplex` (unit i₁) one level gives the
/// bicomplex numbers, two the tricomplex, and so on; all units commute. f at x + h(i₁ + … + iₖ)
/// carries h^K·f⁽ᴷ⁾(x) in the coefficient of i₁⋯iₖ, up to h^(K+2) terms, and — unlike the complex
/// step's f″, 2(f(x) − Re f(x + ih))/h² — reads it from a part of its own, with no subtraction:
/// h can be as small as the exponent range allows (`MulticomplexStep`).
///
/// That holds only if every function keeps each part accurate. Each is written from functions of
/// a and b with no cancellation the true value lacks — exp(a + ιb) = eᵃ(cos b + ι sin b), and so
/// on, as Lantoine et al. §3 do — and the inverse functions through atan and log1p forms that
/// keep ι's part a quotient of b, not a difference of two logarithms.
public struct Multicomplex<Base: Scalar> {
    /// a: the part without the outermost unit ι.
    public var real: Base
    /// b: the coefficient of ι.
    public var imaginary: Base

    /// a + ι·b.
    @inlinable
    public init(_ real: Base, _ imaginary: Base = 0) {
        self.real = real
        self.imaginary = imaginary
    }
}

extension Multicomplex: Equatable {}
extension Multicomplex: Sendable where Base: Sendable {}

extension Multicomplex: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral literal: Int) { self.init(Base(double: Double(literal))) }
}

extension Multicomplex: AdditiveArithmetic {
    @inlinable
    public static var zero: Multicomplex { Multicomplex(0) }

    @inlinable
    public static func + (a: Multicomplex, b: Multicomplex) -> Multicomplex {
        Multicomplex(a.real + b.real, a.imaginary + b.imaginary)
    }

    @inlinable
    public static func - (a: Multicomplex, b: Multicomplex) -> Multicomplex {
        Multicomplex(a.real - b.real, a.imaginary - b.imaginary)
    }
}

extension Multicomplex: Numeric, SignedNumeric {
    @inlinable
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = Base(exactly: source) else { return nil }
        self.init(value)
    }

    /// The magnitude of the part without ι; a multicomplex number is not ordered.
    @inlinable
    public var magnitude: Base.Magnitude { real.magnitude }

    @inlinable
    public static func * (a: Multicomplex, b: Multicomplex) -> Multicomplex {
        Multicomplex(a.real * b.real - a.imaginary * b.imaginary, a.real * b.imaginary + a.imaginary * b.real)
    }

    @inlinable
    public static func *= (a: inout Multicomplex, b: Multicomplex) { a = a * b }

    @inlinable
    public static prefix func - (z: Multicomplex) -> Multicomplex { Multicomplex(-z.real, -z.imaginary) }
}

extension Multicomplex: AlgebraicField {
    /// (a + ιb)/(c + ιd) = ((ac + bd) + ι(bc − ad))/(c² + d²); a real divisor (d = 0) divides
    /// each part.
    @inlinable
    public static func / (z: Multicomplex, w: Multicomplex) -> Multicomplex {
        if w.imaginary == 0 { return Multicomplex(z.real / w.real, z.imaginary / w.real) }
        let scale = w.real * w.real + w.imaginary * w.imaginary
        return Multicomplex((z.real * w.real + z.imaginary * w.imaginary) / scale,
                            (z.imaginary * w.real - z.real * w.imaginary) / scale)
    }

    @inlinable
    public static func /= (a: inout Multicomplex, b: Multicomplex) { a = a / b }

    @inlinable
    public var reciprocal: Multicomplex? {
        guard self != 0 else { return nil }
        return 1 / self
    }
}

extension Multicomplex: Scalar {
    @inlinable
    public init(decimalSignificand significand: Int, exponent: Int) {
        self.init(Base(decimalSignificand: significand, exponent: exponent))
    }

    @inlinable
    public init(constant: MathematicalConstant) { self.init(Base(constant: constant)) }

    @inlinable
    public init(double value: Double) { self.init(Base(double: value)) }

    /// The sign of the part without ι, as the complex step orders by its real part (`Scalar`).
    @inlinable
    public static func isNegative(_ z: Multicomplex) -> Bool { Base.isNegative(z.real) }

    @inlinable
    public static func isLess(_ a: Multicomplex, _ b: Multicomplex) -> Bool { Base.isLess(a.real, b.real) }
}
