/// Checks a derivative of an f you have only as a closure in a working precision — Double, Float,
/// Float16, Float80 — against estimates from f's values that carry their own error bounds, so the
/// tolerance is derived, not guessed: a derivative passes when it lies within the reference's
/// bound plus `toleranceUlps` of its own rounding.
///
///     let check = ErrSweep.checkBlackBoxDerivative(of: { (x: Float) in x * x.squareRoot() },
///                                                  derivative: { 1.5 * $0.squareRoot() }, at: [0, 0.5, 2])
///     #expect(check.passed, "\(check)")
///
/// At each x the reference is errsweep's Richardson estimator (`DerivativeEstimator.errsweep`),
/// whose bound includes f's measured noise, and the left and right derivatives from one-sided
/// tableaus (`OneSidedDerivative`) decide what the point is:
/// - a **kink** where the two one-sided derivatives differ by more than their bounds allow
///   (|x|, max(0, x) at 0): any value between them is accepted, and the check says so
///   (`acceptingKinks: false` makes a kink a failure instead);
/// - a **domain edge** where f is undefined on one side (x·√x at 0): the derivative from inside;
/// - else where the central estimate and the two sides together enclose f′, the intersection of
///   the two enclosures (their union where they do not overlap: one of them is wrong), or either
///   alone where the other found no trustworthy answer.
/// A point where none of these gives a trustworthy answer is reported, never passed. Where f's
/// noise (ECnoise, `NoiseLevel`) is above 100 ε relative, a note gives it.
public func checkBlackBoxDerivative<T: WorkingFloat>(
    of f: (T) -> T, derivative: (T) -> T, at points: [T], toleranceUlps: Double = 4, acceptingKinks: Bool = true
) -> DerivativeCheck {
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [DerivativeCheck.Unchecked] = []
    var notes: [String] = [], checked = 0
    for x in points {
        let at = "x = \(NumberFormat.exact(Double(x)))"
        let actual = derivative(x)
        let central = DerivativeEstimator.errsweep.estimate(f, at: x)
        let right = OneSidedDerivative.estimate(f, at: x, side: 1), left = OneSidedDerivative.estimate(f, at: x, side: -1)
        func allowance(_ value: T) -> T { T(toleranceUlps) * max(value.ulp, T.leastNormalMagnitude) }
        func compare(with reference: DerivativeEstimate<T>, test: DerivativeCheck.Test) {
            checked += 1
            let difference = abs(actual - reference.value)
            if !(difference <= reference.bound + allowance(reference.value)) {
                mismatches.append(.init(point: [Double(x)], component: nil, actual: Double(actual), expected: Double(reference.value),
                                        ulps: actual.ulpDistance(to: reference.value), referenceBound: Double(reference.bound), test: test))
            }
        }
        // Both one-sided derivatives as one estimate: at a smooth point their leading errors,
        // ±f″h/2, have opposite signs, so half their gap bounds what either tableau's own
        // estimate missed.
        func bothSides() -> DerivativeEstimate<T>? {
            guard right.status == .ok, left.status == .ok else { return nil }
            return DerivativeEstimate(value: (right.value + left.value) / 2, bound: abs(right.value - left.value) / 2 + max(right.bound, left.bound),
                                      evaluations: right.evaluations + left.evaluations, status: .ok)
        }
        let fx = f(x)
        let noise = NoiseLevel.measure(f, at: x, side: right.status == .ok && left.status != .ok ? 1 : left.status == .ok && right.status != .ok ? -1 : 0)
        if let relative = noise.relative(to: fx), relative > 100 * T.ulpOfOne {
            notes.append("\(at): f's noise is about \(NumberFormat.scientific(Double(relative))) of |f| (ECnoise); every bound includes it")
        }
        if right.status == .ok, left.status == .ok,
           abs(right.value - left.value) > 2 * (right.bound + left.bound) + allowance(max(abs(right.value), abs(left.value))) {
            // A kink: f′(x⁻) and f′(x⁺) differ by more than both bounds allow.
            let sides = "f′(x⁻) ≈ \(NumberFormat.significant(Double(left.value))), f′(x⁺) ≈ \(NumberFormat.significant(Double(right.value)))"
            guard acceptingKinks else {
                unchecked.append(DerivativeCheck.Unchecked([Double(x)], "f has a kink here (\(sides)): not differentiable, and kinks are not accepted"))
                continue
            }
            let (low, high) = left.value < right.value ? (left, right) : (right, left)
            checked += 1
            if actual >= low.value - low.bound - allowance(low.value) && actual <= high.value + high.bound + allowance(high.value) {
                notes.append("\(at): a kink (\(sides)); the derivative \(NumberFormat.significant(Double(actual))) lies between them and is accepted")
            } else {
                let nearer = abs(actual - low.value) < abs(actual - high.value) ? low : high
                mismatches.append(.init(point: [Double(x)], component: nil, actual: Double(actual), expected: Double(nearer.value),
                                        ulps: actual.ulpDistance(to: nearer.value), referenceBound: Double(nearer.bound), test: .kink))
                notes.append("\(at): a kink (\(sides)); a derivative between them would be accepted")
            }
        } else if central.status == .ok, let sides = bothSides() {
            // Two enclosures of f′: where they overlap, f′ lies in both, so in their
            // intersection; where they do not, one of them is wrong, and their union is kept.
            let low = max(central.value - central.bound, sides.value - sides.bound), high = min(central.value + central.bound, sides.value + sides.bound)
            let (from, to) = low <= high ? (low, high)
                : (min(central.value - central.bound, sides.value - sides.bound), max(central.value + central.bound, sides.value + sides.bound))
            compare(with: DerivativeEstimate(value: from + (to - from) / 2, bound: (to - from) / 2, evaluations: 0, status: .ok), test: .entry)
        } else if central.status == .ok {
            compare(with: central, test: .entry)
        } else if (right.status == .ok) != (left.status == .ok) {
            let inside = right.status == .ok ? right : left
            notes.append("\(at): a domain edge (f is undefined on the \(right.status == .ok ? "left" : "right")); checked against f′(x\(right.status == .ok ? "⁺" : "⁻")) ≈ \(NumberFormat.significant(Double(inside.value)))")
            compare(with: inside, test: .domainEdge)
        } else if let sides = bothSides() {
            compare(with: sides, test: .entry)
        } else {
            unchecked.append(DerivativeCheck.Unchecked([Double(x)], "no estimate of f′ could be trusted: \(central.status.explanation)"))
        }
    }
    mismatches.sort { $0.ulps > $1.ulps }
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .estimate, notes: notes)
}
