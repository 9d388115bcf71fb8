import Foundation

/// The Hessian of an expression at a point by every method, in Double, against the symbolic
/// second partials enclosed in Arb balls and proved correctly rounded (`Truth.proved`): each
/// entry's error in ulps, how far each method's Hᵢⱼ and Hⱼᵢ are apart (symmetry measured, not
/// assumed, wherever the method computes both), and the work each did.
///
/// The methods: hyper-dual numbers (a `Dual` of `Dual`s, Fike & Alonso, AIAA 2011-886), one
/// pass per entry; forward-over-reverse, a reverse-mode tape of duals, one pass per column (the
/// Hessian-vector product Hv with v = eⱼ); the complex step over forward AD
/// (Im ∂f/∂xᵢ(x + ih·eⱼ)/h, h = 10⁻²⁰), one pass per entry; central differences of reverse-AD
/// gradients at h = ε^⅓·max(|xⱼ|, 1), two gradients per column; and second differences of f's
/// values at h = ε^¼·max(|x|, 1) (Nocedal & Wright, 2nd ed., §8.1, (8.7) and (8.9)), symmetric by
/// construction.
public struct HessianComparison: Sendable {
    /// A way of computing the Hessian.
    public enum Method: String, CaseIterable, Sendable {
        case hyperDual = "hyper-dual"
        case forwardOverReverse = "forward-over-reverse"
        case complexStepOfForwardAD = "complex step of forward AD"
        case gradientDifferences = "differences of reverse-AD gradients"
        case secondDifferences = "second differences of f"

        /// Exact in real arithmetic: all that is left is rounding (the complex step's h²
        /// truncation, at h = 10⁻²⁰, is far below it too, but it is not exact).
        public var isExactInRealArithmetic: Bool { self == .hyperDual || self == .forwardOverReverse }
    }

    /// One method's Hessian, its errors, its symmetry and its work.
    public struct Row: Sendable {
        public var method: Method
        /// Hᵢⱼ, row i, column j.
        public var hessian: [[Double]]
        /// Ulps from the correctly rounded exact Hᵢⱼ.
        public var ulps: [[Double]]
        /// The largest distance in ulps between Hᵢⱼ and Hⱼᵢ; 0 where the method makes them equal
        /// by construction (`symmetricByConstruction`).
        public var asymmetry: Double
        public var symmetricByConstruction: Bool
        /// The work: evaluations of f, or passes.
        public var work: String

        /// The largest error of any entry, in ulps.
        public var worstUlps: Double { ulps.joined().max() ?? .nan }
    }

    public let variables: [String]
    public let point: [String: Double]
    /// The exact second partials, correctly rounded; NaN where there is none.
    public let exact: [[Double]]
    /// Why an entry has no truth, by "∂²f/∂p∂q", where one has none.
    public let unsettled: [String: String]
    public let rows: [Row]

    /// The Hessian of `expression` at `point` by every method, each compared with the exact one.
    public init(_ expression: MathExpression, at point: [String: Double]) {
        let variables = expression.variables, n = variables.count
        self.variables = variables
        self.point = point
        let x = variables.map { point[$0] ?? 0 }
        var unsettled: [String: String] = [:]
        let undefined = expression.undefined(at: point)
        let firsts = variables.map { expression.derivative(withRespectTo: $0) }
        exact = (0..<n).map { i in
            (0..<n).map { j -> Double in
                let second = firsts[i].derivative(withRespectTo: variables[j])
                let truth = undefined.map(Result.failure) ?? second.truth(at: point)
                switch truth {
                case .success(let truth): return truth.rounded
                case .failure(let failure):
                    unsettled["∂²f/∂\(variables[i])∂\(variables[j])"] = failure.reason
                    return .nan
                }
            }
        }
        self.unsettled = unsettled
        let exact = self.exact
        func row(_ method: Method, _ h: [[Double]], symmetric: Bool = false, work: String) -> Row {
            let ulps = (0..<n).map { i in (0..<n).map { j in h[i][j].ulpDistance(to: exact[i][j]) } }
            var asymmetry = 0.0
            for i in 0..<n { for j in 0..<n { asymmetry = max(asymmetry, h[i][j].ulpDistance(to: h[j][i])) } }
            return Row(method: method, hessian: h, ulps: ulps, asymmetry: asymmetry, symmetricByConstruction: symmetric, work: work)
        }
        func index(_ name: String) -> Int { variables.firstIndex(of: name)! }
        var rows: [Row] = []

        // Hyper-dual: f(x + ε₁eᵢ + ε₂eⱼ), whose ε₁ε₂ coefficient is Hᵢⱼ; every entry its own pass.
        let hyperDual = (0..<n).map { i in
            (0..<n).map { j in
                expression.evaluate { (name: String) -> Dual<Dual<Double>> in
                    let k = index(name)
                    return Dual(Dual(x[k], tangent: k == i ? 1 : 0), tangent: Dual(k == j ? 1 : 0))
                }.tangent.tangent
            }
        }
        rows.append(row(.hyperDual, hyperDual, work: "\(n * n) hyper-dual passes"))

        // Forward-over-reverse: the gradient recorded on a tape of duals seeded with v = eⱼ gives
        // ∇f + ε·Hv, column j of H, in one recording and one backward pass.
        let tape = Tape<Dual<Double>>()
        var columns: [[Double]] = []
        for j in 0..<n {
            let seeded = (0..<n).map { Dual(x[$0], tangent: $0 == j ? 1 : 0) }
            let gradient = tape.gradient(at: seeded) { inputs in expression.evaluate { inputs[index($0)] } }
            columns.append(gradient.map(\.tangent))
        }
        let forwardOverReverse = (0..<n).map { i in (0..<n).map { j in columns[j][i] } }
        rows.append(row(.forwardOverReverse, forwardOverReverse,
                        work: "\(n) recording\(n == 1 ? "" : "s") + backward pass\(n == 1 ? "" : "es") (Hessian-vector products)"))

        // The complex step over forward AD: the tangent of ∂f/∂xᵢ at x + ih·eⱼ, divided by h.
        let h = 1e-20
        let complexStep = (0..<n).map { i in
            (0..<n).map { j in
                expression.evaluate { (name: String) -> Dual<ComponentwiseComplex<Double>> in
                    let k = index(name)
                    return Dual(ComponentwiseComplex(x[k], k == j ? h : 0), tangent: ComponentwiseComplex(k == i ? 1 : 0))
                }.tangent.imaginary / h
            }
        }
        rows.append(row(.complexStepOfForwardAD, complexStep,
                        work: "\(n * n) complex dual passes (h = 1e-20)"))

        // Central differences of reverse-AD gradients along each axis.
        let gradientTape = Tape<Double>()
        func gradient(_ p: [Double]) -> [Double] {
            gradientTape.gradient(at: p) { inputs in expression.evaluate { inputs[index($0)] } }
        }
        let third = Foundation.cbrt(Double.ulpOfOne)
        var differenced = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            let step = third * max(abs(x[j]), 1)
            var up = x, down = x
            up[j] += step
            down[j] -= step
            let (gUp, gDown) = (gradient(up), gradient(down))
            for i in 0..<n { differenced[i][j] = (gUp[i] - gDown[i]) / (up[j] - down[j]) }
        }
        rows.append(row(.gradientDifferences, differenced,
                        work: "\(2 * n) gradients, central, h = ε^⅓·max(|x|, 1)"))

        // Second differences of f's values.
        func f(_ p: [Double]) -> Double { expression.evaluate { p[index($0)] } }
        let quarter = Foundation.pow(Double.ulpOfOne, 0.25)
        let steps = x.map { quarter * max(abs($0), 1) }
        let fx = f(x)
        var values = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var evaluations = 1
        for i in 0..<n {
            var up = x, down = x
            up[i] += steps[i]
            down[i] -= steps[i]
            let width = (up[i] - down[i]) / 2
            values[i][i] = (f(up) - 2 * fx + f(down)) / (width * width)
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
                values[i][j] = mixed
                values[j][i] = mixed
            }
        }
        rows.append(row(.secondDifferences, values, symmetric: true,
                        work: "\(evaluations) evaluations of f, h = ε^¼·max(|x|, 1)"))
        self.rows = rows
    }

    /// The comparison as a table: per method, every entry and its ulps, the symmetry and the work.
    public var text: String {
        let point = variables.map { "\($0) = \(NumberFormat.exact(self.point[$0] ?? 0))" }.joined(separator: ", ")
        var text = "Hessian at \(point), against the symbolic second partials in MPFR\n\n"
        let entries = variables.indices.flatMap { i in variables.indices.map { j in (i, j) } }
        let names = entries.map { "∂²f/∂\(variables[$0.0])∂\(variables[$0.1])" }
        text += "  " + SummaryText.pad("method", 37) + names.map { SummaryText.pad($0, 24) + SummaryText.pad("ulps", 8) }.joined()
            + SummaryText.pad("Hᵢⱼ vs Hⱼᵢ", 12) + "work\n"
        text += "  " + SummaryText.pad("exact", 37)
            + entries.map { SummaryText.pad(NumberFormat.exact(exact[$0.0][$0.1]), 24) + SummaryText.pad("", 8) }.joined()
            + SummaryText.pad("", 12) + "proved in Arb balls, rounded once\n"
        for row in rows {
            text += "  " + SummaryText.pad(row.method.rawValue, 37)
            for (i, j) in entries {
                text += SummaryText.pad(NumberFormat.exact(row.hessian[i][j]), 24) + SummaryText.pad(NumberFormat.ulps(row.ulps[i][j]), 8)
            }
            let symmetry = row.symmetricByConstruction ? "equal by construction" : "\(NumberFormat.ulps(row.asymmetry)) ulps"
            text += SummaryText.pad(symmetry, 12) + row.work + "\n"
        }
        for (entry, reason) in unsettled.sorted(by: { $0.key < $1.key }) { text += "no exact \(entry): \(reason)\n" }
        return text
    }
}
