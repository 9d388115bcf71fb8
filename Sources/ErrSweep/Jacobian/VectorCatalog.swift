import Foundation

/// The vector functions errsweep knows by name, each for any shape it can take.
public enum VectorCatalog {
    /// The names, with what shape each takes.
    public static let entries: [(name: String, shape: String, summary: String)] = [
        ("dense-layer", "any n × k", "tanh(Wx + b), a neural network's layer: dense"),
        ("broyden", "n × n", "Broyden's tridiagonal residual: sparse, three entries a row"),
        ("network-losses", "n = 8H + 3 parameters × 8 samples", "the two-layer network's loss per sample: wide"),
        ("helmholtz-gradient", "n × n", "∇ of the Helmholtz free energy (Baydin et al.): square, dense"),
    ]

    /// The function called `name` with about `inputs` inputs and (where its shape allows a
    /// choice) `outputs` outputs; nil for a name not in the catalog.
    public static func function(named name: String, inputs n: Int, outputs k: Int) -> (any VectorFunction)? {
        switch name {
        case "dense-layer": DenseLayer(inputs: n, outputs: k)
        case "broyden": BroydenTridiagonal(size: n)
        case "network-losses": NetworkLosses(parameters: n)
        case "helmholtz-gradient": HelmholtzGradient(size: n)
        default: nil
        }
    }

    public static var names: [String] { entries.map(\.name) }
}

/// y = tanh(Wx + b) with W k × n: a layer of a neural network, the crossover experiment's
/// workload, since its shape is free. Every output depends on every input: J = diag(1 − y²)·W.
/// W and b are fixed, deterministic, scaled by 1/√n so Wx stays O(1) and tanh does not saturate.
public struct DenseLayer: VectorFunction {
    public let inputCount: Int
    public let outputCount: Int
    /// Row-major, k × n.
    public let weights: [Double]
    public let biases: [Double]

    /// A layer of `inputs` inputs and `outputs` outputs (at least one each).
    public init(inputs n: Int, outputs k: Int) {
        inputCount = max(n, 1)
        outputCount = max(k, 1)
        let scale = 1 / Double(inputCount).squareRoot()
        weights = (0..<(outputCount * inputCount)).map { index in
            let i = Double(index / max(n, 1)), j = Double(index % max(n, 1))
            return scale * Foundation.sin(1.3 * i + 0.7 * j + 0.4)
        }
        biases = (0..<outputCount).map { 0.1 * Foundation.cos(Double($0)) }
    }

    public var name: String { "dense-layer" }
    public var formula: String { "tanh(W·x + b), W \(outputCount) × \(inputCount)" }
    public var defaultPoint: [Double] { (0..<inputCount).map { 0.8 * Foundation.cos(0.5 * Double($0) + 0.3) } }

    @inlinable
    public func callAsFunction<T: Scalar>(_ x: [T]) -> [T] {
        let n = inputCount
        return weights.withUnsafeBufferPointer { w in
            (0..<outputCount).map { i in
                var s = T(double: biases[i])
                for j in 0..<n { s = s + T(double: w[i * n + j]) * x[j] }
                return T.tanh(s)
            }
        }
    }
}

/// Broyden's tridiagonal function, Fᵢ(x) = (3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1 with x₀ = xₙ₊₁ = 0
/// (Moré, Garbow & Hillstrom, "Testing unconstrained optimization software", ACM TOMS 7(1),
/// 1981, problem 30): the residual of a discretised boundary-value problem, banded for any n.
/// ∂Fᵢ/∂xᵢ = 3 − 4xᵢ, ∂Fᵢ/∂xᵢ₋₁ = −1, ∂Fᵢ/∂xᵢ₊₁ = −2.
public struct BroydenTridiagonal: VectorFunction {
    public let inputCount: Int

    /// The residual in `size` unknowns (at least 1).
    public init(size n: Int) { inputCount = max(n, 1) }

    public var name: String { "broyden" }
    public var formula: String { "(3 − 2x[i])x[i] − x[i−1] − 2x[i+1] + 1, i = 1…\(inputCount)" }
    public var outputCount: Int { inputCount }
    /// Near the standard start x = −1, varied so no two diagonal entries are alike.
    public var defaultPoint: [Double] { (0..<inputCount).map { -1 + 0.25 * Foundation.sin(Double($0) + 1) } }

    @inlinable
    public func callAsFunction<T: Scalar>(_ x: [T]) -> [T] {
        let n = x.count
        return (0..<n).map { i in
            var f = (3 - 2 * x[i]) * x[i] + 1
            if i > 0 { f = f - x[i - 1] }
            if i < n - 1 { f = f - 2 * x[i + 1] }
            return f
        }
    }
}

/// The two-layer network's loss on each of its 8 samples as a function of its n = 8H + 3
/// parameters (`TwoLayerNetwork`): 8 outputs, many inputs, so the Jacobian (the per-example
/// gradients) is wide and reverse mode's case.
public struct NetworkLosses: VectorFunction {
    public let inputCount: Int

    /// The network with the parameter count nearest `parameters` (whole hidden units).
    public init(parameters n: Int) { inputCount = TwoLayerNetwork().size(near: n) }

    public var name: String { "network-losses" }
    public var formula: String { "−log softmax(W2·tanh(W1·x_b + b1) + b2)[label_b], b = 1…8" }
    public var outputCount: Int { TwoLayerNetwork.batch }
    public var defaultPoint: [Double] { TwoLayerNetwork().point(inputCount) }

    public func callAsFunction<T: Scalar>(_ x: [T]) -> [T] { TwoLayerNetwork.losses(x) }
}
