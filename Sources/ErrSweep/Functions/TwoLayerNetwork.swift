import Foundation
import RealModule

/// The loss of a small two-layer network as a function of all its parameters — the notes' SGD
/// example: mean softmax cross-entropy of z = W₂·tanh(W₁x + b₁) + b₂ over a fixed batch of 8
/// inputs in 4 dimensions and 3 classes. With H hidden units it has n = 8H + 3 parameters
/// (W₁: H×4, b₁: H, W₂: 3×H, b₂: 3), so n grows in steps of 8.
public struct TwoLayerNetwork: MultivariateFunction {
    static let inputs = 4, classes = 3, batch = 8

    /// The network's loss, for any number of hidden units.
    public init() {}
    public var name: String { "network" }
    public var formula: String { "mean over a batch of −log softmax(W2·tanh(W1·x + b1) + b2)[label]" }

    public func size(near n: Int) -> Int { 8 * max(1, Int((Double(n - 3) / 8).rounded())) + 3 }

    static func hidden(_ n: Int) -> Int { (n - classes) / (inputs + 1 + classes) }

    /// Small parameters, deterministic.
    public func point(_ n: Int) -> [Double] { (0..<n).map { 0.3 * Foundation.sin(1.7 * Double($0) + 0.5) } }

    /// The batch: inputs cos(0.9b + 1.3d), labels b mod 3.
    static let data: [(x: [Double], label: Int)] = (0..<batch).map { b in
        ((0..<inputs).map { d in Foundation.cos(0.9 * Double(b) + 1.3 * Double(d)) }, b % classes)
    }

    public func callAsFunction<T: Scalar>(_ theta: [T]) -> T {
        var total: T = 0
        for loss in Self.losses(theta) { total = total + loss }
        return total / T(double: Double(Self.batch))
    }

    /// The loss of each sample of the batch, −log softmax(z)[label]: the network's outputs as a
    /// function of its parameters (`NetworkLosses`, whose Jacobian is the per-example gradients).
    static func losses<T: Scalar>(_ theta: [T]) -> [T] {
        let h = Self.hidden(theta.count), d = Self.inputs, c = Self.classes
        let b1 = h * d, w2 = b1 + h, b2 = w2 + c * h
        return Self.data.map { sample in
            var hiddenValues = [T](repeating: 0, count: h)
            for j in 0..<h {
                var s = theta[b1 + j]
                for k in 0..<d { s = s + theta[j * d + k] * T(double: sample.x[k]) }
                hiddenValues[j] = T.tanh(s)
            }
            var logits = [T](repeating: 0, count: c)
            for i in 0..<c {
                var s = theta[b2 + i]
                for j in 0..<h { s = s + theta[w2 + i * h + j] * hiddenValues[j] }
                logits[i] = s
            }
            // log Σ e^z, shifted by the largest z so no exponential overflows.
            var largest = logits[0]
            for z in logits.dropFirst() where T.isLess(largest, z) { largest = z }
            var sum: T = 0
            for z in logits { sum = sum + T.exp(z - largest) }
            return largest + T.log(sum) - logits[sample.label]
        }
    }

    /// Backpropagation by hand: ∂loss/∂z = (softmax(z) − onehot(label))/B, then through W₂,
    /// tanh′ = 1 − tanh², and W₁.
    public func gradient(_ theta: [Double]) -> [Double] {
        let h = Self.hidden(theta.count), d = Self.inputs, c = Self.classes
        let b1 = h * d, w2 = b1 + h, b2 = w2 + c * h
        var g = [Double](repeating: 0, count: theta.count)
        for sample in Self.data {
            var hiddenValues = [Double](repeating: 0, count: h)
            for j in 0..<h {
                var s = theta[b1 + j]
                for k in 0..<d { s += theta[j * d + k] * sample.x[k] }
                hiddenValues[j] = Foundation.tanh(s)
            }
            var logits = [Double](repeating: 0, count: c)
            for i in 0..<c {
                var s = theta[b2 + i]
                for j in 0..<h { s += theta[w2 + i * h + j] * hiddenValues[j] }
                logits[i] = s
            }
            let largest = logits.max()!
            let exps = logits.map { Foundation.exp($0 - largest) }
            let sum = exps.reduce(0, +)
            var dz = exps.map { $0 / sum / Double(Self.batch) }
            dz[sample.label] -= 1 / Double(Self.batch)
            var dh = [Double](repeating: 0, count: h)
            for i in 0..<c {
                g[b2 + i] += dz[i]
                for j in 0..<h {
                    g[w2 + i * h + j] += dz[i] * hiddenValues[j]
                    dh[j] += theta[w2 + i * h + j] * dz[i]
                }
            }
            for j in 0..<h {
                let dPre = dh[j] * (1 - hiddenValues[j]) * (1 + hiddenValues[j])
                g[b1 + j] += dPre
                for k in 0..<d { g[j * d + k] += dPre * sample.x[k] }
            }
        }
        return g
    }
}
