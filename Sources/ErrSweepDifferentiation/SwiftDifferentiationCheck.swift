#if canImport(_Differentiation)
import _Differentiation
import ErrSweep

/// Checks what Swift's own automatic differentiation computes for `f` — a `@differentiable`
/// closure or function, with any `@derivative(of:)` registered for what it calls — against
/// estimates from f's values with their bounds (`checkBlackBoxDerivative`): one call, no
/// derivative written twice. Swift's AD has shipped wrong derivatives before (a loop's, a custom
/// derivative's); this says where.
///
///     @differentiable(reverse) func softplus(_ x: Double) -> Double { log(1 + exp(x)) }
///     let check = ErrSweepDifferentiation.checkDifferentiation(of: softplus, at: [-3, 0, 2])
public func checkDifferentiation<T: WorkingFloat & Differentiable>(
    of f: @differentiable(reverse) (T) -> T, at points: [T], toleranceUlps: Double = 4
) -> DerivativeCheck where T.TangentVector == T {
    checkBlackBoxDerivative(of: { f($0) }, derivative: { gradient(at: $0, of: f) }, at: points, toleranceUlps: toleranceUlps)
}

/// Checks Swift's gradient of a function of several variables, component by component, each
/// against the black-box check along its axis (the others held at x).
public func checkDifferentiation<T: WorkingFloat & Differentiable>(
    of f: @differentiable(reverse) ([T]) -> T, at x: [T], toleranceUlps: Double = 4
) -> DerivativeCheck where T.TangentVector == T {
    let swiftGradient = gradient(at: x, of: f).base
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [DerivativeCheck.Unchecked] = [], notes: [String] = [], checked = 0
    for j in x.indices {
        func along(_ t: T) -> T {
            var moved = x
            moved[j] = t
            return f(moved)
        }
        let component = checkBlackBoxDerivative(of: along, derivative: { _ in swiftGradient[j] }, at: [x[j]], toleranceUlps: toleranceUlps)
        checked += component.checked
        mismatches += component.mismatches.map {
            .init(point: x.map(Double.init), component: j, actual: $0.actual, expected: $0.expected, ulps: $0.ulps, referenceBound: $0.referenceBound, test: $0.test)
        }
        unchecked += component.unchecked.map { DerivativeCheck.Unchecked(x.map(Double.init), "component \(j): " + $0.reason) }
        notes += component.notes.map { "component \(j): " + $0 }
    }
    mismatches.sort { $0.ulps > $1.ulps }
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .estimate, notes: notes)
}
#endif
