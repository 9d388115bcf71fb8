import Foundation
import RealModule

/// A function of n variables, written once over `Scalar` like the catalog, with its gradient
/// derived by hand: the subject of the cost experiment, where the number of inputs grows.
public protocol MultivariateFunction: MultivariateScalarFunction {
    var name: String { get }
    var formula: String { get }
    /// The number of variables nearest to `n` the function can take (a network's parameter count
    /// comes in whole layers).
    func size(near n: Int) -> Int
    /// A fixed, deterministic point with `n` coordinates.
    func point(_ n: Int) -> [Double]
    /// The gradient, by hand.
    func gradient(_ x: [Double]) -> [Double]
    /// The Hessian times v, by hand, where the function has one written (nil by default).
    func hessianVector(_ x: [Double], _ v: [Double]) -> [Double]?
    /// f recorded a statement at a time (`Tracked.statement`): each term one node with its
    /// local partials, written by hand, so its intermediates never reach the tape; nil where the
    /// function has no such form (the default).
    func statements(_ x: [Tracked<Double>]) -> Tracked<Double>?
}

extension MultivariateFunction {
    public func size(near n: Int) -> Int { max(n, 2) }
    public func statements(_ x: [Tracked<Double>]) -> Tracked<Double>? { nil }
    public func hessianVector(_ x: [Double], _ v: [Double]) -> [Double]? { nil }

    /// A fixed direction for Hessian-vector products with `n` coordinates: 1, 1/2, 1/3, 1/4,
    /// repeating, so no component is special and none is zero.
    public func direction(_ n: Int) -> [Double] { (0..<n).map { 1 / Double($0 % 4 + 1) } }

    /// Whether the function can be recorded a statement at a time (`statements`).
    public var hasStatements: Bool { statements(point(size(near: 2)).map { Tracked(constant: $0) }) != nil }
}

/// The multivariate functions errsweep knows by name.
public enum MultivariateCatalog {
    public static let functions: [any MultivariateFunction] = [Rosenbrock(), SigmoidSum(), TwoLayerNetwork()]

    /// The function of n variables called `name` (`rosenbrock`, `sigmoid-sum`, `network`), or nil.
    public static func function(named name: String) -> (any MultivariateFunction)? {
        functions.first { $0.name == name }
    }

    /// The cost experiment for the function named `name`, run with its concrete type so that
    /// every number system's evaluation is specialised (see `CostExperiment`).
    public static func measureCost(
        of name: String, sizes: [Int], budget: Double, methods: [GradientMethod] = GradientMethod.firstOrderCases,
        progress: (GradientMethod, Int) -> Void = { _, _ in }
    ) -> [CostMeasurement]? {
        switch name {
        case Rosenbrock().name:
            CostExperiment(function: Rosenbrock(), sizes: sizes, budget: budget, methods: methods).run(progress: progress)
        case SigmoidSum().name:
            CostExperiment(function: SigmoidSum(), sizes: sizes, budget: budget, methods: methods).run(progress: progress)
        case TwoLayerNetwork().name:
            CostExperiment(function: TwoLayerNetwork(), sizes: sizes, budget: budget, methods: methods).run(progress: progress)
        default:
            nil
        }
    }
}

/// Rosenbrock's function in n variables, Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)² (Rosenbrock, The
/// Computer Journal 3(3), 1960; the chained form of Dixon & Szegö).
public struct Rosenbrock: MultivariateFunction {
    /// The function, for any number of variables.
    @inlinable
    public init() {}
    public var name: String { "rosenbrock" }
    public var formula: String { "Σ 100(x[i+1] − x[i]²)² + (1 − x[i])²" }

    public func point(_ n: Int) -> [Double] {
        (0..<n).map { i -> Double in
            let k = Double((i * 7) % 5)
            return 0.5 + k / 16
        }
    }

    @inlinable
    public func callAsFunction<T: Scalar>(_ x: [T]) -> T {
        var sum: T = 0
        for i in 0..<(x.count - 1) {
            let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
            // The term first, then one addition to the running sum: one dependent add per
            // term, as `sum += 100*a*a + b*b` is written, not two.
            sum = sum + (100 * (a * a) + b * b)
        }
        return sum
    }

    /// One node per term, 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², with its two partials −400xᵢa − 2b and
    /// 200a (a = xᵢ₊₁ − xᵢ², b = 1 − xᵢ), and one per addition to the sum: 42 bytes a term (and
    /// 9 for its input), where its eight operations take six nodes and 110.
    @inlinable
    public func statements(_ x: [Tracked<Double>]) -> Tracked<Double>? {
        var sum: Tracked<Double> = 0
        for i in 0..<(x.count - 1) {
            let xi = x[i].value, a = x[i + 1].value - xi * xi, b = 1 - xi
            let term = Tracked.statement(100 * (a * a) + b * b, (x[i], -400 * xi * a - 2 * b), (x[i + 1], 200 * a))
            sum = sum + term
        }
        return sum
    }

    /// ∂/∂xᵢ = −400xᵢ(xᵢ₊₁ − xᵢ²) − 2(1 − xᵢ) + 200(xᵢ − xᵢ₋₁²), each term where its index exists.
    @inlinable
    public func gradient(_ x: [Double]) -> [Double] {
        let n = x.count
        var g = [Double](repeating: 0, count: n)
        for i in 0..<(n - 1) {
            let a = x[i + 1] - x[i] * x[i]
            g[i] += -400 * x[i] * a - 2 * (1 - x[i])
            g[i + 1] += 200 * a
        }
        return g
    }

    /// H is tridiagonal: Hᵢᵢ = −400(xᵢ₊₁ − xᵢ²) + 800xᵢ² + 2 (i < n − 1) + 200 (i > 0), and
    /// Hᵢ,ᵢ₊₁ = Hᵢ₊₁,ᵢ = −400xᵢ, from differentiating `gradient` once more.
    @inlinable
    public func hessianVector(_ x: [Double], _ v: [Double]) -> [Double]? {
        let n = x.count
        var hv = [Double](repeating: 0, count: n)
        for i in 0..<(n - 1) {
            let a = x[i + 1] - x[i] * x[i], offDiagonal = -400 * x[i]
            hv[i] += (-400 * a + 800 * x[i] * x[i] + 2) * v[i] + offDiagonal * v[i + 1]
            hv[i + 1] += 200 * v[i + 1] + offDiagonal * v[i]
        }
        return hv
    }
}

/// Σ σ(xᵢ): separable, so every method's cost is its own overhead, nothing else.
public struct SigmoidSum: MultivariateFunction {
    /// The function, for any number of variables.
    @inlinable
    public init() {}
    public var name: String { "sigmoid-sum" }
    public var formula: String { "Σ 1/(1 + e^(−x[i]))" }

    public func point(_ n: Int) -> [Double] {
        (0..<n).map { i -> Double in Double(i % 17) / 4 - 2 }
    }

    @inlinable
    public func callAsFunction<T: Scalar>(_ x: [T]) -> T {
        var sum: T = 0
        for xi in x { sum = sum + 1 / (1 + T.exp(-xi)) }
        return sum
    }

    /// One node per term, σ(xᵢ) with its partial σ′(xᵢ), and one per addition to the sum.
    @inlinable
    public func statements(_ x: [Tracked<Double>]) -> Tracked<Double>? {
        var sum: Tracked<Double> = 0
        for xi in x {
            let e = Foundation.exp(-xi.value)
            sum = sum + Tracked.statement(1 / (1 + e), (xi, e / ((1 + e) * (1 + e))))
        }
        return sum
    }

    /// σ′(xᵢ) = e^(−xᵢ)/(1 + e^(−xᵢ))².
    @inlinable
    public func gradient(_ x: [Double]) -> [Double] {
        x.map { xi in
            let e = Foundation.exp(-xi)
            return e / ((1 + e) * (1 + e))
        }
    }

    /// H is diagonal: σ″(xᵢ) = σ′(xᵢ)(1 − 2σ(xᵢ)) = e^(−xᵢ)(e^(−xᵢ) − 1)/(1 + e^(−xᵢ))³.
    @inlinable
    public func hessianVector(_ x: [Double], _ v: [Double]) -> [Double]? {
        zip(x, v).map { xi, vi in
            let e = Foundation.exp(-xi), s = 1 + e
            return e * (e - 1) / (s * s * s) * vi
        }
    }
}
