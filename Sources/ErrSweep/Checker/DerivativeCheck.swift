import Foundation

/// What a derivative check found: every point (and component) where the derivative under test
/// is further from the reference than the tolerance, every point where no reference could be
/// had — each named, none passed silently — and what the check decided along the way (a kink
/// bracketed, a domain edge checked from one side, f's noise). Its `description` is the message
/// a test prints on failure.
///
/// errsweep's answer to `torch.autograd.gradcheck` and JAX's `check_grads`, with one difference:
/// those compare against finite differences at a fixed eps, whose own error (the V errsweep
/// draws) forces loose tolerances and hides small mistakes. Here the reference is either exact
/// (forward AD in Arb balls, proved correctly rounded) or, for a black box, an estimate that
/// carries its own error bound, so the tolerance is derived, not guessed.
public struct DerivativeCheck: Sendable, CustomStringConvertible {
    /// Which test found a mismatch, or decided a point.
    public enum Test: String, Sendable, Equatable {
        /// Each derivative against its reference, one by one.
        case entry
        /// Random directions: vᵀJu against vᵀ(J u) (`checkGradientFast`).
        case fast
        /// Where f has a kink, any value between the left and right derivatives.
        case kink
        /// At a domain edge, against the one-sided derivative from inside the domain.
        case domainEdge = "domain edge"
    }

    /// A point with no reference to compare with, and why.
    public struct Unchecked: Sendable, Equatable {
        public let point: [Double]
        public let reason: String

        /// `point` left unchecked for `reason`.
        public init(_ point: [Double], _ reason: String) {
            self.point = point
            self.reason = reason
        }
    }

    /// A derivative further from the reference than the tolerance.
    public struct Mismatch: Sendable {
        public let point: [Double]
        /// The gradient component, for `checkGradient`; the column, for `checkJacobian`.
        public let component: Int?
        public let actual: Double
        /// The reference: the exact derivative correctly rounded, the complex step, an estimate,
        /// or (a kink) the nearer end of the bracket.
        public let expected: Double
        /// The distance in ulps of the working precision.
        public let ulps: Double
        /// The Jacobian's row (the output), for `checkJacobian`.
        public var row: Int? = nil
        /// How far the reference itself may be from the true derivative: half an ulp for a
        /// correctly rounded exact value, an estimate's bound.
        public var referenceBound: Double = 0
        /// The test that found it.
        public var test: Test = .entry

        /// A mismatch at `point` (of `component` and `row`, where there are several), found by
        /// `test`: `actual` against `expected`, `ulps` apart, the reference within `referenceBound`.
        public init(point: [Double], component: Int?, actual: Double, expected: Double, ulps: Double, row: Int? = nil,
                    referenceBound: Double = 0, test: Test = .entry) {
            self.point = point
            self.component = component
            self.actual = actual
            self.expected = expected
            self.ulps = ulps
            self.row = row
            self.referenceBound = referenceBound
            self.test = test
        }

        /// |actual − expected| / |expected|, or the absolute difference where expected is 0.
        public var relativeError: Double {
            let difference = abs(actual - expected)
            return expected == 0 ? difference : difference / abs(expected)
        }
    }

    /// What the derivative was compared with.
    public enum Reference: Sendable, Equatable {
        /// The exact derivative: forward AD in Arb balls, proved correctly rounded (`Truth`).
        case exact
        /// The complex step Im f(x + ih)/h at this h, for an f written only for Double and
        /// Complex: free of cancellation, its truncation h²f‴/6 far below an ulp, but only as
        /// accurate as f's complex arithmetic is in its imaginary part.
        case complexStep(h: Double)
        /// An estimate from f's values alone with the error bound it carries (errsweep's
        /// Richardson estimator, or one-sided tableaus at kinks and domain edges): the
        /// tolerance is that bound plus `toleranceUlps`.
        case estimate
    }

    public var mismatches: [Mismatch]
    /// Points with no reference to compare with, and why (out of the domain, a pole, a truth
    /// that was not resolved, no estimate that could be trusted).
    public let unchecked: [Unchecked]
    /// The tolerance in ulps of the working precision: the whole of it against an exact
    /// reference; on top of the reference's bound against an estimate.
    public let toleranceUlps: Double
    /// The values compared.
    public let checked: Int
    public let reference: Reference
    /// What the check decided and a reader should know: a kink bracketed, a point checked from
    /// one side, the noise measured in f.
    public var notes: [String] = []

    /// The check's verdict on these findings.
    public init(mismatches: [Mismatch], unchecked: [Unchecked], toleranceUlps: Double, checked: Int,
                reference: Reference, notes: [String] = []) {
        self.mismatches = mismatches
        self.unchecked = unchecked
        self.toleranceUlps = toleranceUlps
        self.checked = checked
        self.reference = reference
        self.notes = notes
    }

    /// What the reference values are called in a message.
    var referenceName: String {
        switch reference {
        case .exact: "the exact value is"
        case .complexStep(let h): "the complex step (h = \(NumberFormat.exact(h))) gives"
        case .estimate: "the estimate is"
        }
    }

    /// Whether every value compared is within the tolerance, and there was one to compare.
    public var passed: Bool { mismatches.isEmpty && unchecked.isEmpty && checked > 0 }

    public var description: String {
        var lines: [String] = []
        if passed {
            switch reference {
            case .complexStep(let h):
                lines.append("derivative matches the complex step (h = \(NumberFormat.exact(h))) within \(NumberFormat.ulps(toleranceUlps)) ulps at \(checked) values")
            case .exact:
                lines.append("derivative matches the exact one within \(NumberFormat.ulps(toleranceUlps)) ulps at \(checked) values")
            case .estimate:
                lines.append("derivative matches the estimates within their bounds and \(NumberFormat.ulps(toleranceUlps)) ulps at \(checked) values")
            }
            return (lines + notes).joined(separator: "\n")
        }
        for m in mismatches {
            let at = m.point.count == 1 ? "x = \(NumberFormat.exact(m.point[0]))" : "x = [\(m.point.map(NumberFormat.exact).joined(separator: ", "))]"
            let which = m.row.map { row in "∂f[\(row)]/∂x[\(m.component ?? 0)]" } ?? m.component.map { "∂f/∂x[\($0)]" } ?? "f′"
            let bound = reference == .exact ? "correctly rounded" : "within \(NumberFormat.scientific(m.referenceBound)) of the truth"
            let limit = reference == .estimate ? "its bound and \(NumberFormat.ulps(toleranceUlps))" : NumberFormat.ulps(toleranceUlps)
            lines.append("\(which) at \(at) is \(NumberFormat.exact(m.actual)), \(referenceName) \(NumberFormat.exact(m.expected)) (\(bound)): "
                + "\(NumberFormat.ulps(m.ulps)) ulps apart, relative error \(NumberFormat.scientific(m.relativeError)), more than \(limit) [\(m.test.rawValue) test]")
        }
        for u in unchecked {
            lines.append("no reference derivative at x = \(u.point.map(NumberFormat.exact).joined(separator: ", ")): \(u.reason)")
        }
        if checked == 0 && unchecked.isEmpty { lines.append("no point to check") }
        return (lines + notes).joined(separator: "\n")
    }
}
