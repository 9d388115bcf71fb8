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
        public var work: WorkCount

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
        func row(_ method: Method, _ h: [[Double]], symmetric: Bool, work: WorkCount) -> Row {
            let ulps = (0..<n).map { i in (0..<n).map { j in h[i][j].ulpDistance(to: exact[i][j]) } }
            var asymmetry = 0.0
            for i in 0..<n { for j in 0..<n { asymmetry = max(asymmetry, h[i][j].ulpDistance(to: h[j][i])) } }
            return Row(method: method, hessian: h, ulps: ulps, asymmetry: asymmetry, symmetricByConstruction: symmetric, work: work)
        }
        rows = Method.allCases.map { method in
            let computed = method.hessian(of: expression, variables: variables, at: x)
            return row(method, computed.hessian, symmetric: method.isSymmetricByConstruction, work: computed.work)
        }
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
            text += SummaryText.pad(symmetry, 12) + "\(row.work)\n"
        }
        for (entry, reason) in unsettled.sorted(by: { $0.key < $1.key }) { text += "no exact \(entry): \(reason)\n" }
        return text
    }
}
