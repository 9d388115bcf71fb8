import Foundation

/// The gradient of the Helmholtz free energy of a mixed fluid,
///
///     f(x) = RT Σᵢ xᵢ log(xᵢ/(1 − bᵀx)) − xᵀAx/(√8 bᵀx) · log((1 + (1 + √2)bᵀx)/(1 + (1 − √2)bᵀx)),
///
/// Griewank & Walther's test function (*Evaluating Derivatives*, 2nd ed., §1.4), the one Baydin
/// et al. time AD on ("Automatic differentiation in machine learning: a survey", JMLR 18, 2018,
/// Fig. 5): ∇f: Rⁿ → Rⁿ, square and dense, its Jacobian the Hessian of f. Here RT = 1, bᵢ and
/// the symmetric Aᵢⱼ are fixed and positive, and x in (0, 1) keeps 1 − bᵀx > 0.
///
/// With s = bᵀx, q = xᵀAx, L(s) = log((1 + (1+√2)s)/(1 + (1−√2)s)):
///     ∂f/∂xᵢ = log(xᵢ/(1 − s)) + 1 + bᵢΣⱼxⱼ/(1 − s)
///              − [2(Ax)ᵢ·L/(√8 s) + q·bᵢ·(L′(s)/(√8 s) − L/(√8 s²))],
///     L′(s) = (1+√2)/(1 + (1+√2)s) − (1−√2)/(1 + (1−√2)s).
public struct HelmholtzGradient: VectorFunction {
    public let inputCount: Int
    /// Row-major, symmetric, n × n.
    public let a: [Double]
    public let b: [Double]

    /// The gradient in `size` variables (at least 1).
    public init(size n: Int) {
        let n = max(n, 1)
        inputCount = n
        b = (0..<n).map { i -> Double in
            let entry: Double = 1 + 0.5 * Foundation.sin(Double(i))
            return entry / Double(2 * n)
        }
        a = (0..<(n * n)).map { index in
            let i = index / n, j = index % n
            let entry: Double = 1.5 + Foundation.cos(Double(i + j))
            return entry / Double(n)
        }
    }

    public var name: String { "helmholtz-gradient" }
    public var formula: String { "∇ [Σ x[i] log(x[i]/(1 − bᵀx)) − xᵀAx/(√8 bᵀx) log((1 + (1+√2)bᵀx)/(1 + (1−√2)bᵀx))], n = \(inputCount)" }
    public var outputCount: Int { inputCount }
    public var defaultPoint: [Double] {
        (0..<inputCount).map { i -> Double in
            let k = Double((i * 7) % 11)
            return 0.2 + 0.06 * k
        }
    }

    /// The energy itself, for checking the gradient against AD of it.
    public func energy<T: Scalar>(_ x: [T]) -> T {
        let n = inputCount, root2 = T.sqrt(2)
        var s: T = 0, q: T = 0, entropy: T = 0
        for i in 0..<n { s = s + T(double: b[i]) * x[i] }
        for i in 0..<n {
            var row: T = 0
            for j in 0..<n { row = row + T(double: a[i * n + j]) * x[j] }
            q = q + x[i] * row
        }
        for i in 0..<n { entropy = entropy + x[i] * T.log(x[i] / (1 - s)) }
        let l = T.log((1 + (1 + root2) * s) / (1 + (1 - root2) * s))
        return entropy - q / (2 * root2 * s) * l
    }

    public func callAsFunction<T: Scalar>(_ x: [T]) -> [T] {
        let n = inputCount, root2 = T.sqrt(2), root8 = 2 * root2
        var s: T = 0, sum: T = 0, q: T = 0
        var ax = [T](repeating: 0, count: n)
        for i in 0..<n {
            s = s + T(double: b[i]) * x[i]
            sum = sum + x[i]
            var row: T = 0
            for j in 0..<n { row = row + T(double: a[i * n + j]) * x[j] }
            ax[i] = row
            q = q + x[i] * row
        }
        let up = 1 + (1 + root2) * s, down = 1 + (1 - root2) * s, rest = 1 - s
        let l = T.log(up / down)
        let dl = (1 + root2) / up - (1 - root2) / down
        return (0..<n).map { i in
            let bi = T(double: b[i])
            let entropy = T.log(x[i] / rest) + 1 + bi * sum / rest
            let mixing = 2 * ax[i] * l / (root8 * s) + q * bi * (dl / (root8 * s) - l / (root8 * s * s))
            return entropy - mixing
        }
    }
}
