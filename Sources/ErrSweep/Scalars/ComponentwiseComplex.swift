import ComplexModule
import RealModule

/// A complex number whose elementary functions are accurate in each part separately: the number
/// system of the complex step.
///
/// The complex step reads f′(x) from Im f(x + ih), a part some 1/h times smaller than the real
/// part. A library accurate in norm (|error| ≤ c·ε·|z|, as swift-numerics' `Complex` promises) may
/// get that part entirely wrong: its tanh at 20 + 1e−20i is off by 1e16 ulps, its atan at
/// 0.5 + 1e−20i returns an imaginary part of −0. Here every function is written so that each
/// part is computed from real functions of the real and imaginary parts with no cancellation the
/// true value does not have (Kahan, "Branch cuts for complex elementary functions", 1987; Hull,
/// Fairgrieve & Tang, ACM TOMS 23(3), 1997, for asin and acos; Martins, Sturdza & Alonso, ACM TOMS
/// 29(3), 2003, §3, for what the complex step needs of each). `errsweep audit` measures every
/// function against GNU MPC, part by part.
///
/// Arithmetic is swift-numerics' (its product and its Priest-scaled quotient are accurate in each
/// part); only the elementary functions are errsweep's own.
public struct ComponentwiseComplex<RealType: WorkingFloat>: Sendable {
    public var real: RealType
    public var imaginary: RealType

    /// real + i·imaginary.
    @inlinable
    public init(_ real: RealType, _ imaginary: RealType = 0) {
        self.real = real
        self.imaginary = imaginary
    }

    @inlinable
    init(_ z: Complex<RealType>) { self.init(z.real, z.imaginary) }

    @inlinable
    var complex: Complex<RealType> { Complex(real, imaginary) }
}

extension ComponentwiseComplex: Equatable {}

extension ComponentwiseComplex: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral literal: Int) { self.init(RealType(literal)) }
}

extension ComponentwiseComplex: AdditiveArithmetic {
    @inlinable public static var zero: ComponentwiseComplex { ComponentwiseComplex(0) }

    @inlinable
    public static func + (a: ComponentwiseComplex, b: ComponentwiseComplex) -> ComponentwiseComplex {
        ComponentwiseComplex(a.real + b.real, a.imaginary + b.imaginary)
    }

    @inlinable
    public static func - (a: ComponentwiseComplex, b: ComponentwiseComplex) -> ComponentwiseComplex {
        ComponentwiseComplex(a.real - b.real, a.imaginary - b.imaginary)
    }
}

extension ComponentwiseComplex: Numeric, SignedNumeric {
    @inlinable
    public init?<Source: BinaryInteger>(exactly source: Source) {
        guard let value = RealType(exactly: source) else { return nil }
        self.init(value)
    }

    /// The larger part's magnitude (swift-numerics' ∞-norm), not |z|.
    @inlinable public var magnitude: RealType { Swift.max(real.magnitude, imaginary.magnitude) }

    @inlinable
    public static func * (a: ComponentwiseComplex, b: ComponentwiseComplex) -> ComponentwiseComplex {
        ComponentwiseComplex(a.complex * b.complex)
    }

    @inlinable public static func *= (a: inout ComponentwiseComplex, b: ComponentwiseComplex) { a = a * b }

    @inlinable
    public static prefix func - (z: ComponentwiseComplex) -> ComponentwiseComplex {
        ComponentwiseComplex(-z.real, -z.imaginary)
    }
}

extension ComponentwiseComplex: AlgebraicField {
    @inlinable
    public static func / (a: ComponentwiseComplex, b: ComponentwiseComplex) -> ComponentwiseComplex {
        ComponentwiseComplex(a.complex / b.complex)
    }

    @inlinable public static func /= (a: inout ComponentwiseComplex, b: ComponentwiseComplex) { a = a / b }

    @inlinable
    public var reciprocal: ComponentwiseComplex? { complex.reciprocal.map(ComponentwiseComplex.init) }
}

extension ComponentwiseComplex: Scalar {
    public init(decimalSignificand significand: Int, exponent: Int) {
        self.init(RealType(decimalSignificand: significand, exponent: exponent))
    }

    public init(double value: Double) { self.init(RealType(double: value)) }
    public init(constant: MathematicalConstant) { self.init(RealType(constant: constant)) }

    /// The real part's sign: the complex step's extension of abs, min and max (see `Scalar`).
    @inlinable public static func isNegative(_ z: ComponentwiseComplex) -> Bool { z.real < 0 }
    @inlinable public static func isLess(_ a: ComponentwiseComplex, _ b: ComponentwiseComplex) -> Bool { a.real < b.real }
}
