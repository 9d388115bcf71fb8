import RealModule

/// The functions errsweep knows by name.
public enum Catalog {
    public static let functions: [any CatalogFunction] = [
        Sigmoid(), Exponential(), Sine(), Cosine(), Logarithm(), HyperbolicTangent(), SquareRoot(),
        NineHalvesPower(), Runge(), Softplus(), Gaussian(), InflectedCubic(),
    ]

    /// The function named `name`, or nil.
    public static func function(named name: String) -> (any CatalogFunction)? {
        functions.first { $0.name == name }
    }

    @inlinable
    public static var names: [String] { functions.map(\.name) }
}

/// σ(x) = 1/(1+e^(−x)): the function of the reference figure.
public struct Sigmoid: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "sigmoid" }
    public var formula: String { "1/(1+e^(−x))" }
    public var derivativeFormula: String { "e^(−x)/(1+e^(−x))² = σ(x)(1−σ(x))" }
    public var defaultPoints: [Double] { [0, 2, 4, 10] }
    public var lesson: String {
        "The logistic function of neural networks and of the reference figure; at x = 0 its f″ vanishes, so the forward difference is second order there."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { 1 / (1 + T.exp(-x)) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T {
        let e = T.exp(-x)
        return e / ((1 + e) * (1 + e))
    }
}

/// eˣ, its own derivative.
public struct Exponential: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "exp" }
    public var formula: String { "e^x" }
    public var derivativeFormula: String { "e^x" }
    public var defaultPoints: [Double] { [-2, 0, 1, 10] }
    public var lesson: String {
        "Every derivative equals the function, so truncation and rounding both scale with e^x: the best step does not move with x, only the error does."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { T.exp(x) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { T.exp(x) }
}

/// sin x, where f′ = cos x passes through 0.
public struct Sine: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "sin" }
    public var formula: String { "sin x" }
    public var derivativeFormula: String { "cos x" }
    public var defaultPoints: [Double] { [0, 0.5, 1, 3] }
    public var lesson: String {
        "f″ = −sin x vanishes at 0, so the one-sided differences gain an order there; near π f is small, so the rounding floor falls with it."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { T.sin(x) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { T.cos(x) }
}

/// cos x, where f′ = −sin x passes through 0.
public struct Cosine: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "cos" }
    public var formula: String { "cos x" }
    public var derivativeFormula: String { "−sin x" }
    public var defaultPoints: [Double] { [0, 0.5, 1, 3] }
    public var lesson: String {
        "At x = 0 the derivative is exactly 0: relative error is undefined there, and only absolute error and ulps say how wrong an estimate is."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { T.cos(x) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { -T.sin(x) }
}

/// log x, defined only for x > 0.
public struct Logarithm: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "log" }
    public var formula: String { "ln x" }
    public var derivativeFormula: String { "1/x" }
    public var defaultPoints: [Double] { [0.1, 1, 2, 100] }
    public var lesson: String {
        "Defined only for x > 0: at x = 0.1 the large steps of a backward or central stencil reach past the domain edge, and those estimates are NaN."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { T.log(x) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { 1 / x }
}

/// tanh x, which saturates like the sigmoid.
public struct HyperbolicTangent: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "tanh" }
    public var formula: String { "tanh x" }
    public var derivativeFormula: String { "1/cosh² x" }
    public var defaultPoints: [Double] { [0, 0.5, 2, 10] }
    public var lesson: String {
        "Saturates like the sigmoid: at x = 10 f′ ≈ 8e−9 while f ≈ 1, so every difference stencil's rounding error is huge relative to f′. The complex step is only as good as the complex tanh it runs through: sinh z/cosh z (swift-numerics) is accurate in norm but loses the tiny imaginary part, so at x = 10 it would be wrong in the eighth digit; errsweep's complex tanh (Kahan's formula, accurate in each part) keeps it to 1 ulp (errsweep audit)."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { T.tanh(x) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T {
        let c = T.cosh(x)
        return 1 / (c * c)
    }
}

/// √x, whose derivatives all blow up at 0.
public struct SquareRoot: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "sqrt" }
    public var formula: String { "√x" }
    public var derivativeFormula: String { "1/(2√x)" }
    public var defaultPoints: [Double] { [0.01, 1, 4, 100] }
    public var lesson: String {
        "Every derivative blows up as x → 0: near 0.01 the truncation error is large and the stencils' large steps leave the domain."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { T.sqrt(x) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { 1 / (2 * T.sqrt(x)) }
}

/// x^(9/2), the test function of Squire & Trapp, "Using complex variables to estimate derivatives
/// of real functions", SIAM Review 40(1), 1998, written as x⁴·√x so that no number system takes
/// a logarithm (the complex step through exp(y·log z) is only right for Re z > 0).
public struct NineHalvesPower: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "pow9half" }
    public var formula: String { "x^(9/2)" }
    public var derivativeFormula: String { "(9/2)·x^(7/2)" }
    public var defaultPoints: [Double] { [0.5, 1, 1.5, 4] }
    public var lesson: String {
        "Squire and Trapp's example for the complex step (x = 1.5): the complex step matches analytic accuracy at any small step while central differences lose half the digits."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T {
        let square = x * x
        return square * square * T.sqrt(x)
    }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { 9 / 2 * x * x * x * T.sqrt(x) }
}

/// Runge's function, the classic example of polynomial interpolation diverging (Runge, 1901).
public struct Runge: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "runge" }
    public var formula: String { "1/(1+25x²)" }
    public var derivativeFormula: String { "−50x/(1+25x²)²" }
    public var defaultPoints: [Double] { [0, 0.2, 0.5, 1] }
    public var lesson: String {
        "Rational with poles at ±i/5: its Taylor coefficients grow like 5^n, so high-order stencils lose their advantage at large steps; f′(0) = 0."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { 1 / (1 + 25 * x * x) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T {
        let d = 1 + 25 * x * x
        return -50 * x / (d * d)
    }
}

/// softplus x = log(1 + eˣ), whose derivative is the sigmoid.
public struct Softplus: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "softplus" }
    public var formula: String { "ln(1+e^x)" }
    public var derivativeFormula: String { "1/(1+e^(−x)) = σ(x)" }
    public var defaultPoints: [Double] { [-10, 0, 2, 10] }
    public var lesson: String {
        "The smooth ReLU; its derivative is the sigmoid. At x = −10 f ≈ 4.5e−5 is tiny, so the rounding floor is far below that of x = 10, where f ≈ 10."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { T.log(onePlus: T.exp(x)) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { 1 / (1 + T.exp(-x)) }
}

/// The Gaussian e^(−x²), flat at 0 where f′ = 0.
public struct Gaussian: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "gaussian" }
    public var formula: String { "e^(−x²)" }
    public var derivativeFormula: String { "−2x·e^(−x²)" }
    public var defaultPoints: [Double] { [0, 0.5, 1, 3] }
    public var lesson: String {
        "f′(0) = 0 and f″(1/√2) = 0; at x = 3 both f and f′ are about 1e−4, so absolute errors are small while relative ones are not."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { T.exp(-(x * x)) }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { -2 * x * T.exp(-(x * x)) }
}

/// A cubic with an inflection point at 0, where f″ vanishes and f‴ does not.
public struct InflectedCubic: CatalogFunction {
    /// The function, to sweep or evaluate.
    @inlinable
    public init() {}
    public var name: String { "cubic" }
    public var formula: String { "x³ − x" }
    public var derivativeFormula: String { "3x² − 1" }
    public var defaultPoints: [Double] { [0, 0.5, 1, 2] }
    public var lesson: String {
        "At the inflection point x = 0, f″ = 0: the forward difference's leading error term vanishes and it is second order, (h² − 1)·h/h exactly in real arithmetic."
    }
    @inlinable
    public func callAsFunction<T: Scalar>(_ x: T) -> T { x * x * x - x }
    @inlinable
    public func derivative<T: Scalar>(_ x: T) -> T { 3 * x * x - 1 }
}
