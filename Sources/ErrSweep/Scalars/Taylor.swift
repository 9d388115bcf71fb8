import RealModule

/// A truncated Taylor series u₀ + u₁t + u₂t² + … + u_d·t^d: Taylor-mode automatic
/// differentiation, the univariate case of Griewank & Walther, *Evaluating Derivatives*, 2nd ed.,
/// SIAM 2008, ch. 13.
///
/// Seeded with x + t (`Taylor(x, degree: d)`), f evaluated in this number system carries
/// f(x + t) = Σ f⁽ᵏ⁾(x)/k!·tᵏ through every operation to degree d, so f⁽ᴷ⁾(x) = K!·u_K
/// (`derivative(_:)`). Where nested duals pay 2ᴷ components and 3ᴷ products per multiplication,
/// a series pays K + 1 coefficients and (K + 1)(K + 2)/2 products, and each elementary function
/// has a recurrence (`Taylor+ElementaryFunctions`). A constant is a series of degree 0; an
/// operation's result has the larger of its operands' degrees.
public struct Taylor<Value: Scalar> {
    /// u₀, u₁, …: the coefficients, f⁽ᵏ⁾/k! at the seed.
    public var coefficients: [Value]

    /// The series of given coefficients.
    @inlinable
    public init(coefficients: [Value]) {
        self.coefficients = coefficients.isEmpty ? [0] : coefficients
    }

    /// A constant.
    @inlinable
    public init(_ value: Value) { coefficients = [value] }

    /// The variable x + t to `degree`: the seed whose series f carries.
    @inlinable
    public init(_ x: Value, degree: Int) {
        coefficients = [x] + (0..<degree).map { $0 == 0 ? 1 : 0 }
    }

    /// u₀.
    @inlinable
    public var value: Value { coefficients[0] }

    /// The degree d.
    @inlinable
    public var degree: Int { coefficients.count - 1 }

    /// u_k, 0 past the degree.
    @inlinable
    public subscript(k: Int) -> Value { k < coefficients.count ? coefficients[k] : 0 }

    /// f⁽ᴷ⁾ at the seed: K!·u_K.
    @inlinable
    public func derivative(_ k: Int) -> Value {
        var factorial = 1
        for i in 1...max(k, 1) { factorial *= i }
        return Value(exactly: factorial)! * self[k]
    }
}

extension Taylor: Sendable where Value: Sendable {}

extension Taylor: Equatable {
    /// Equal coefficients, the shorter series padded with zeros.
    @inlinable
    public static func == (a: Taylor, b: Taylor) -> Bool {
        (0...max(a.degree, b.degree)).allSatisfy { a[$0] == b[$0] }
    }
}

extension Taylor: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral literal: Int) { self.init(Value(double: Double(literal))) }
}

extension Taylor: AdditiveArithmetic {
    @inlinable
    public static var zero: Taylor { Taylor(0) }

    @inlinable
    public static func + (a: Taylor, b: Taylor) -> Taylor {
        Taylor(coefficients: (0...max(a.degree, b.degree)).map { a[$0] + b[$0] })
    }

    @inlinable
    public static func - (a: Taylor, b: Taylor) -> Taylor {
        Taylor(coefficients: (0...max(a.degree, b.degree)).map { a[$0] - b[$0] })
    }
}

extension Taylor: Numeric, SignedNumeric {
    /// The Cauchy product, truncated: w_k = Σⱼ aⱼ·b_(k−j).
    @inlinable
    public static func * (a: Taylor, b: Taylor) -> Taylor {
        if b.degree == 0 { return Taylor(coefficients: a.coefficients.map { $0 * b.value }) }
        if a.degree == 0 { return Taylor(coefficients: b.coefficients.map { a.value * $0 }) }
        return Taylor(coefficients: (0...max(a.degree, b.degree)).map { k in
            (0...k).reduce(0) { $0 + a[$1] * b[k - $1] }
        })
    }

    @inlinable
    public static func *= (a: inout Taylor, b: Taylor) { a = a * b }

    @inlinable
    public static prefix func - (x: Taylor) -> Taylor { Taylor(coefficients: x.coefficients.map { -$0 }) }
}

extension Taylor: AlgebraicField {
    /// w = a/b from a = w·b: w_k = (a_k − Σⱼ₌₁ᵏ bⱼ·w_(k−j))/b₀ (Griewank & Walther, Table 13.1).
    @inlinable
    public static func / (a: Taylor, b: Taylor) -> Taylor {
        if b.degree == 0 { return Taylor(coefficients: a.coefficients.map { $0 / b.value }) }
        var w: [Value] = []
        for k in 0...max(a.degree, b.degree) {
            var sum = a[k]
            for j in stride(from: 1, through: k, by: 1) { sum -= b[j] * w[k - j] }
            w.append(sum / b.value)
        }
        return Taylor(coefficients: w)
    }

    @inlinable
    public static func /= (a: inout Taylor, b: Taylor) { a = a / b }

    @inlinable
    public var reciprocal: Taylor? {
        guard value != 0 else { return nil }
        return 1 / self
    }
}

/// A series is ordered by the number it is at the seed (`LiftedScalar`).
extension Taylor: LiftedScalar {
    @inlinable
    public init(lifting value: Value) { self.init(value) }
}
