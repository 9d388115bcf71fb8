import Foundation

extension HessianComparison.Method {
    /// Second differences of f make Hᵢⱼ and Hⱼᵢ one number; every other method computes both.
    public var isSymmetricByConstruction: Bool { self == .secondDifferences }

    /// This method's Hessian of `expression` (its variables in `variables`' order) at `x`, in
    /// Double, and the work it took.
    public func hessian(of expression: MathExpression, variables: [String], at x: [Double]) -> (hessian: [[Double]], work: WorkCount) {
        let n = variables.count
        func index(_ name: String) -> Int { variables.firstIndex(of: name)! }
        switch self {
        case .hyperDual:
            // f(x + ε₁eᵢ + ε₂eⱼ), whose ε₁ε₂ coefficient is Hᵢⱼ; every entry its own pass.
            let h = (0..<n).map { i in
                (0..<n).map { j in
                    expression.evaluate { (name: String) -> Dual<Dual<Double>> in
                        let k = index(name)
                        return Dual(Dual(x[k], tangent: k == i ? 1 : 0), tangent: Dual(k == j ? 1 : 0))
                    }.tangent.tangent
                }
            }
            return (h, WorkCount([.hyperDualPass: n * n]))
        case .forwardOverReverse:
            // The gradient recorded on a tape of duals seeded with v = eⱼ gives ∇f + ε·Hv,
            // column j of H, in one recording and one backward pass.
            let tape = Tape<Dual<Double>>()
            let columns = (0..<n).map { j in
                let seeded = (0..<n).map { Dual(x[$0], tangent: $0 == j ? 1 : 0) }
                return tape.gradient(at: seeded) { inputs in expression.evaluate { inputs[index($0)] } }.map(\.tangent)
            }
            let h = (0..<n).map { i in (0..<n).map { j in columns[j][i] } }
            return (h, WorkCount([.recording: n, .backwardPass: n], detail: "Hessian-vector products on a tape of duals"))
        case .complexStepOfForwardAD:
            // The tangent of ∂f/∂xᵢ at x + ih·eⱼ, divided by h.
            let step = ComplexStep.fixedStep
            let h = (0..<n).map { i in
                (0..<n).map { j in
                    expression.evaluate { (name: String) -> Dual<ComponentwiseComplex<Double>> in
                        let k = index(name)
                        return Dual(ComponentwiseComplex(x[k], k == j ? step : 0), tangent: ComponentwiseComplex(k == i ? 1 : 0))
                    }.tangent.imaginary / step
                }
            }
            return (h, WorkCount([.complexDualPass: n * n], detail: "h = \(step)"))
        case .gradientDifferences:
            return Self.gradientDifferences(of: expression, at: x, index: index)
        case .secondDifferences:
            return Self.secondDifferences(of: expression, at: x, index: index)
        }
    }

    /// Central differences of reverse-AD gradients along each axis, h = ε^⅓·max(|xⱼ|, 1)
    /// (Nocedal & Wright, 2nd ed., §8.1, (8.7)).
    static func gradientDifferences(of expression: MathExpression, at x: [Double], index: (String) -> Int) -> (hessian: [[Double]], work: WorkCount) {
        let n = x.count
        let tape = Tape<Double>()
        func gradient(_ p: [Double]) -> [Double] {
            tape.gradient(at: p) { inputs in expression.evaluate { inputs[index($0)] } }
        }
        let third = Foundation.cbrt(Double.ulpOfOne)
        var h = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            let step = third * max(abs(x[j]), 1)
            var up = x, down = x
            up[j] += step
            down[j] -= step
            let (gUp, gDown) = (gradient(up), gradient(down))
            for i in 0..<n { h[i][j] = (gUp[i] - gDown[i]) / (up[j] - down[j]) }
        }
        return (h, WorkCount([.gradient: 2 * n], detail: "central, h = ε^⅓·max(|x|, 1)"))
    }

    /// Second differences of f's values, h = ε^¼·max(|x|, 1) (Nocedal & Wright, 2nd ed., §8.1,
    /// (8.9)): Hᵢᵢ from three values, Hᵢⱼ from four, symmetric by construction.
    static func secondDifferences(of expression: MathExpression, at x: [Double], index: (String) -> Int) -> (hessian: [[Double]], work: WorkCount) {
        let n = x.count
        func f(_ p: [Double]) -> Double { expression.evaluate { p[index($0)] } }
        let quarter = Foundation.pow(Double.ulpOfOne, 0.25)
        let steps = x.map { quarter * max(abs($0), 1) }
        let fx = f(x)
        var h = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var evaluations = 1
        for i in 0..<n {
            var up = x, down = x
            up[i] += steps[i]
            down[i] -= steps[i]
            let width = (up[i] - down[i]) / 2
            h[i][i] = (f(up) - 2 * fx + f(down)) / (width * width)
            evaluations += 2
            for j in 0..<i {
                func at(_ si: Double, _ sj: Double) -> Double {
                    var p = x
                    p[i] += si * steps[i]
                    p[j] += sj * steps[j]
                    return f(p)
                }
                let mixed = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * steps[i] * steps[j])
                evaluations += 4
                h[i][j] = mixed
                h[j][i] = mixed
            }
        }
        return (h, WorkCount([.evaluation: evaluations], detail: "h = ε^¼·max(|x|, 1)"))
    }
}
