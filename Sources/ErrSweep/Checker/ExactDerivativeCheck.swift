import ComplexModule
import Foundation

/// Checks a derivative written by hand — or a Swift `_Differentiation` registration, passed as
/// `{ derivative(at: $0, of: f) }` — against the exact derivative of `f` at `points`, in the
/// working precision the points are given in (Double, Float, Float16, Float80).
///
///     let check = ErrSweep.checkDerivative(of: Softsign(), derivative: { 1 / ((1 + abs($0)) * (1 + abs($0))) }, at: [-1, 0.5, 2])
///     #expect(check.passed, "\(check)")
///
/// The tolerance is in ulps of the exact derivative rounded to the working precision: 0 is
/// correctly rounded. A correct formula evaluated in floating point is usually within a few
/// ulps; one that cancels (a difference of nearly equal terms) can be further off and still right
/// in exact arithmetic.
///
/// Where the derivative differs from the exact one, the point is looked at from both sides: the
/// exact derivatives at x ± 2⁻¹⁰⁰·max(|x|, 1) (f at exact points in between the working values).
/// If they round to values further apart than the tolerance, f has a **kink** at x (max(0, x) at
/// 0, whose exact derivative is whichever branch the code takes there), and any value between
/// them is accepted, which the check notes. Where f is undefined at x but defined on one side
/// (a **domain edge**), the derivative from that side is the reference.
public func checkDerivative<Function: ScalarFunction, T: WorkingFloat>(
    of function: Function, derivative: (T) -> T, at points: [T], toleranceUlps: Double = 8
) -> DerivativeCheck {
    exactCheck(of: function, derivative: derivative, at: points, toleranceUlps: toleranceUlps)
}

/// `checkDerivative(of:derivative:at:toleranceUlps:)` in Double, the precision a closure with only
/// literals in it (`{ 1 / (1 + abs($0)) }` at `[1]`) means.
public func checkDerivative<Function: ScalarFunction>(
    of function: Function, derivative: (Double) -> Double, at points: [Double], toleranceUlps: Double = 8
) -> DerivativeCheck {
    exactCheck(of: function, derivative: derivative, at: points, toleranceUlps: toleranceUlps)
}

/// The exact check in T, with its kink and domain-edge rules.
func exactCheck<Function: ScalarFunction, T: WorkingFloat>(
    of function: Function, derivative: (T) -> T, at points: [T], toleranceUlps: Double
) -> DerivativeCheck {
    let exact = AutomaticallyDifferentiated(function: function)
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [DerivativeCheck.Unchecked] = [], checked = 0
    var notes: [String] = []
    for x in points {
        let actual = derivative(x)
        let at = "x = \(NumberFormat.exact(Double(x)))"
        // The exact derivative just left (−1) or right (1) of x, an exact step far below an ulp of
        // x away; nil where there is none.
        func side(_ sign: Double, offset: Double = 0x1p-100) -> T? {
            let point = BigFloat.exactSum(x.exact, BigFloat(sign * Double(max(abs(x), 1)) * offset))
            return try? Truth<T>.proved(maximumBits: 512, { exact.derivativeBall(at: point, precision: $0) }).get().rounded
        }
        func sides() -> (left: T, right: T)? {
            guard let left = side(-1), let right = side(1) else { return nil }
            return (left, right)
        }
        func mismatch(_ expected: T, test: DerivativeCheck.Test) -> DerivativeCheck.Mismatch {
            .init(point: [Double(x)], component: nil, actual: Double(actual), expected: Double(expected),
                  ulps: actual.ulpDistance(to: expected), referenceBound: Double(expected.ulp / 2), test: test)
        }
        switch Truth<T>.derivative(of: exact, at: x) {
        case .success(let truth):
            checked += 1
            guard !(actual.ulpDistance(to: truth.rounded) <= toleranceUlps) else { continue }
            if let (left, right) = sides(), !(left.ulpDistance(to: right) <= toleranceUlps) {
                let sidesText = "f′(x⁻) = \(NumberFormat.exact(Double(left))), f′(x⁺) = \(NumberFormat.exact(Double(right)))"
                let (low, high) = (min(left, right), max(left, right))
                if actual.ulpDistance(to: low) <= toleranceUlps || actual.ulpDistance(to: high) <= toleranceUlps || (actual > low && actual < high) {
                    notes.append("\(at): a kink (\(sidesText)); the derivative \(NumberFormat.exact(Double(actual))) lies between them and is accepted")
                } else {
                    mismatches.append(mismatch(abs(actual - low) < abs(actual - high) ? low : high, test: .kink))
                    notes.append("\(at): a kink (\(sidesText)); a derivative between them would be accepted")
                }
            } else {
                mismatches.append(mismatch(truth.rounded, test: .entry))
            }
        case .failure(let failure):
            // A domain edge: f′ exists from one side only.
            // A domain edge: f′ exists from one side only. Its one-sided limit is taken from the
            // exact derivatives 2⁻¹⁰⁰ and 2⁻²⁰⁰ inside, and bounded by twice their difference
            // (x·√x at 0: f′ = 1.5√x, 1.3e-15 and 1.2e-30, so 0 ± 2.7e-15).
            let sign: Double? = failure == .domain || failure == .pole ? (side(-1).map { _ in -1 } ?? side(1).map { _ in 1 }) : nil
            if let sign, let near = side(sign, offset: 0x1p-100), let nearer = side(sign, offset: 0x1p-200), near.isFinite, nearer.isFinite {
                checked += 1
                let bound = 2 * abs(near - nearer)
                notes.append("\(at): a domain edge; checked against the derivative from the \(sign < 0 ? "left" : "right"), \(NumberFormat.exact(Double(nearer))) within \(NumberFormat.scientific(Double(bound)))")
                if !(abs(actual - nearer) <= bound + T(toleranceUlps) * max(nearer.ulp, T.leastNormalMagnitude)) {
                    var found = mismatch(nearer, test: .domainEdge)
                    found.referenceBound = Double(bound)
                    mismatches.append(found)
                }
            } else {
                unchecked.append(DerivativeCheck.Unchecked([Double(x)], failure.reason))
            }
        }
    }
    mismatches.sort { $0.ulps > $1.ulps }
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .exact, notes: notes)
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
    let h = ComplexStep.fixedStep
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [DerivativeCheck.Unchecked] = [], checked = 0
    for x in points {
        let reference = function(Complex(x, h)).imaginary / h
        guard reference.isFinite else {
            unchecked.append(DerivativeCheck.Unchecked([x], "the complex step is \(NumberFormat.exact(reference)) (outside f's domain, or f overflows)"))
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
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [DerivativeCheck.Unchecked] = [], checked = 0
    for point in points {
        let actual = gradient(point)
        guard actual.count == point.count else {
            unchecked.append(DerivativeCheck.Unchecked(point, "the gradient has \(actual.count) components for \(point.count) variables"))
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
                unchecked.append(DerivativeCheck.Unchecked(point, "component \(i): " + failure.reason))
            }
        }
    }
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .exact)
}
