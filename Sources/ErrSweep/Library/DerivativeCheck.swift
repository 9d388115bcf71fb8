import ComplexModule
import Foundation

/// A function of several variables written once, generically: what `checkGradient` needs.
public protocol MultivariateScalarFunction: Sendable {
    /// f(x) for the variables `x`, written once for every number system.
    func callAsFunction<T: Scalar>(_ x: [T]) -> T
}

/// What a derivative check found: every point (and component) where the derivative under test
/// is further from the exact one than the tolerance, and every point where no exact derivative
/// could be had — each named, none passed silently. Its `description` is the message a test
/// prints on failure.
///
/// errsweep's answer to `torch.autograd.gradcheck` and JAX's `check_grads`, with one difference:
/// those compare against finite differences, whose own error (the V errsweep draws) forces loose
/// tolerances and hides small mistakes; here the reference is the exact derivative, forward AD
/// in Arb balls proved correctly rounded, so the tolerance is a few ulps.
public struct DerivativeCheck: Sendable, CustomStringConvertible {
    /// A derivative further from the truth than the tolerance.
    public struct Mismatch: Sendable {
        public let point: [Double]
        /// The gradient component, for `checkGradient`; the column, for `checkJacobian`.
        public let component: Int?
        public let actual: Double
        /// The reference: the exact derivative correctly rounded to Double, or the complex step.
        public let expected: Double
        public let ulps: Double
        /// The Jacobian's row (the output), for `checkJacobian`.
        public var row: Int? = nil
    }

    /// What the derivative was compared with.
    public enum Reference: Sendable, Equatable {
        /// The exact derivative: forward AD in Arb balls, proved correctly rounded (`Truth`).
        case exact
        /// The complex step Im f(x + ih)/h at this h, for an f written only for Double and
        /// Complex: free of cancellation, its truncation h²f‴/6 far below an ulp, but only as
        /// accurate as f's complex arithmetic is in its imaginary part.
        case complexStep(h: Double)
    }

    public let mismatches: [Mismatch]
    /// Points with no exact derivative to compare with, and why (out of the domain, a pole, a
    /// truth that was not resolved).
    public let unchecked: [(point: [Double], reason: String)]
    public let toleranceUlps: Double
    /// The values compared.
    public let checked: Int
    public let reference: Reference

    /// What the reference values are called in a message.
    var referenceName: String {
        switch reference {
        case .exact: "the exact value is"
        case .complexStep(let h): "the complex step (h = \(NumberFormat.exact(h))) gives"
        }
    }

    /// Whether every value compared is within the tolerance, and there was one to compare.
    public var passed: Bool { mismatches.isEmpty && unchecked.isEmpty && checked > 0 }

    public var description: String {
        if passed, case .complexStep(let h) = reference {
            return "derivative matches the complex step (h = \(NumberFormat.exact(h))) within \(NumberFormat.ulps(toleranceUlps)) ulps at \(checked) values"
        }
        if passed { return "derivative matches the exact one within \(NumberFormat.ulps(toleranceUlps)) ulps at \(checked) values" }
        var lines: [String] = []
        for m in mismatches {
            let at = m.point.count == 1 ? "x = \(NumberFormat.exact(m.point[0]))" : "x = [\(m.point.map(NumberFormat.exact).joined(separator: ", "))]"
            let which = m.row.map { row in "∂f[\(row)]/∂x[\(m.component ?? 0)]" } ?? m.component.map { "∂f/∂x[\($0)]" } ?? "f′"
            lines.append("\(which) at \(at) is \(NumberFormat.exact(m.actual)), \(referenceName) \(NumberFormat.exact(m.expected)): \(NumberFormat.ulps(m.ulps)) ulps apart, more than \(NumberFormat.ulps(toleranceUlps))")
        }
        for u in unchecked {
            lines.append("no reference derivative at x = \(u.point.map(NumberFormat.exact).joined(separator: ", ")): \(u.reason)")
        }
        if checked == 0 && unchecked.isEmpty { lines.append("no point to check") }
        return lines.joined(separator: "\n")
    }
}

/// Checks a derivative written by hand — or a Swift `_Differentiation` registration, passed as
/// `{ derivative(at: $0, of: f) }` — against the exact derivative of `f` at `points`.
///
///     let check = ErrSweep.checkDerivative(of: Softsign(), derivative: { 1 / ((1 + abs($0)) * (1 + abs($0))) }, at: [-1, 0.5, 2])
///     #expect(check.passed, "\(check)")
///
/// The tolerance is in ulps of the exact derivative rounded to Double: 0 is correctly rounded.
/// A correct formula evaluated in Double is usually within a few ulps; one that cancels (a
/// difference of nearly equal terms) can be further off and still right in exact arithmetic.
public func checkDerivative<Function: ScalarFunction>(
    of function: Function, derivative: (Double) -> Double, at points: [Double], toleranceUlps: Double = 8
) -> DerivativeCheck {
    let exact = AutomaticallyDifferentiated(function: function)
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [(point: [Double], reason: String)] = [], checked = 0
    for x in points {
        switch Truth<Double>.derivative(of: exact, at: x) {
        case .success(let truth):
            let actual = derivative(x)
            let ulps = actual.ulpDistance(to: truth.rounded)
            checked += 1
            if !(ulps <= toleranceUlps) {
                mismatches.append(.init(point: [x], component: nil, actual: actual, expected: truth.rounded, ulps: ulps))
            }
        case .failure(let failure):
            unchecked.append(([x], failure.reason))
        }
    }
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .exact)
}

/// Checks a derivative against the complex step, for an f written only for Double and Complex
/// (swift-numerics' `Complex<Double>`), which errsweep cannot evaluate in MPFR:
///
///     let check = ErrSweep.checkDerivative(of: { z in z * .exp(-z) }, derivative: { (1 - $0) * exp(-$0) }, at: [0.5, 2])
///
/// f′(x) ≈ Im f(x + ih)/h at h = 1e-20 (Squire & Trapp 1998; Martins, Sturdza & Alonso 2003): no
/// subtraction, and a truncation h²f‴/6 of about 1e-40 relative, so the reference is as good as
/// f's complex arithmetic is in the imaginary part — which for + − × ÷, exp, log, sin and cos is
/// an ulp or two, but for some library functions (swift-numerics' tanh at large x) is not; where
/// f can be written generically, the exact check (`checkDerivative(of:derivative:at:)` with a
/// `ScalarFunction`) has no such caveat. A non-finite complex step leaves the point unchecked.
public func checkDerivative(
    of function: (Complex<Double>) -> Complex<Double>, derivative: (Double) -> Double, at points: [Double],
    toleranceUlps: Double = 8
) -> DerivativeCheck {
    let h = 1e-20
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [(point: [Double], reason: String)] = [], checked = 0
    for x in points {
        let reference = function(Complex(x, h)).imaginary / h
        guard reference.isFinite else {
            unchecked.append(([x], "the complex step is \(NumberFormat.exact(reference)) (outside f's domain, or f overflows)"))
            continue
        }
        let actual = derivative(x)
        let ulps = actual.ulpDistance(to: reference)
        checked += 1
        if !(ulps <= toleranceUlps) {
            mismatches.append(.init(point: [x], component: nil, actual: actual, expected: reference, ulps: ulps))
        }
    }
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked,
                           reference: .complexStep(h: h))
}

/// Checks a gradient written by hand against the exact gradient of `f` at each point, component
/// by component (forward AD in ball arithmetic, one pass per component, each proved by `Truth.proved`).
public func checkGradient<Function: MultivariateScalarFunction>(
    of function: Function, gradient: ([Double]) -> [Double], at points: [[Double]], toleranceUlps: Double = 8
) -> DerivativeCheck {
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [(point: [Double], reason: String)] = [], checked = 0
    for point in points {
        let actual = gradient(point)
        guard actual.count == point.count else {
            unchecked.append((point, "the gradient has \(actual.count) components for \(point.count) variables"))
            continue
        }
        for i in point.indices {
            let truth = Truth<Double>.proved { bits in
                BigFloat.withLiteralPrecision(bits) {
                    function(point.enumerated().map { j, value in Dual(Ball(value.exact, precision: bits), tangent: j == i ? 1 : 0) }).tangent
                }
            }
            switch truth {
            case .success(let truth):
                let ulps = actual[i].ulpDistance(to: truth.rounded)
                checked += 1
                if !(ulps <= toleranceUlps) {
                    mismatches.append(.init(point: point, component: i, actual: actual[i], expected: truth.rounded, ulps: ulps))
                }
            case .failure(let failure):
                unchecked.append((point, "component \(i): " + failure.reason))
            }
        }
    }
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .exact)
}
