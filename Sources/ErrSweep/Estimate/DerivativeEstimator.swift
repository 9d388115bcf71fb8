/// A black-box derivative algorithm: it receives only f as a closure in the working precision —
/// never the truth, never a dual number — and answers with an estimate, the error it claims, the
/// evaluations it made and a status.
public enum DerivativeEstimator: String, CaseIterable, Sendable {
    /// errsweep's own: a Richardson tableau whose every entry carries a rounding bound from f's
    /// measured noise and the steps actually taken, the step searched both ways, the answer of
    /// least honest bound.
    case errsweep
    /// Ridders (1982) as Numerical Recipes' `dfridr`.
    case ridders
    /// Gill, Murray, Saunders & Wright (1983), Algorithm FD: a forward difference at an
    /// interval from an estimate of f″.
    case gmsw
    /// Stepleman & Winarsky (1979): central differences at shrinking steps until their
    /// differences stop shrinking.
    case steplemanWinarsky = "stepleman-winarsky"
    /// One central difference at h = ∛ε·max(|x|, 1), the textbook step.
    case centralCubeRoot = "central-cbrt"

    /// The algorithm's source, for reports.
    public var reference: String {
        switch self {
        case .errsweep: "errsweep's Richardson tableau with measured noise and honest bounds"
        case .ridders: "Ridders, Adv. Eng. Software 4(2), 1982; Numerical Recipes 3rd ed. §5.7 dfridr"
        case .gmsw: "Gill, Murray, Saunders & Wright, SIAM J. Sci. Stat. Comput. 4(2), 1983, Algorithm FD"
        case .steplemanWinarsky: "Stepleman & Winarsky, Math. Comp. 33(148), 1979"
        case .centralCubeRoot: "Nocedal & Wright, Numerical Optimization 2nd ed. §8.1"
        }
    }

    /// The algorithm's estimate of f′(x), from f's values alone.
    public func estimate<T: WorkingFloat>(_ f: (T) -> T, at x: T) -> DerivativeEstimate<T> {
        withoutActuallyEscaping(f) { f in
            switch self {
            case .errsweep: RichardsonEstimator.estimate(f, at: x)
            case .ridders: Ridders.estimate(f, at: x)
            case .gmsw: GillMurraySaundersWright.estimate(f, at: x)
            case .steplemanWinarsky: SteplemanWinarsky.estimate(f, at: x)
            case .centralCubeRoot: CentralCubeRoot.estimate(f, at: x)
            }
        }
    }
}

/// The derivative of a function you have only as a closure, with an error bound:
///
///     let d = ErrSweep.estimateDerivative(of: { log($0) }, at: 1e-6)
///     // d.value ≈ 1e6, d.bound ≥ |d.value − f′(x)|, d.evaluations, d.status == .ok
///
/// Check `status` before using `value`: where no trustworthy answer exists the status says why.
/// Where there is no answer at all (x outside f's domain, f overflowing) the value is NaN and
/// the bound +∞; where one exists but cannot be trusted (f's noise above its change, no
/// convergence at a kink) the value is the best found and the bound what it is worth. `using`
/// picks one of the published rules instead of errsweep's own.
public func estimateDerivative<T: WorkingFloat>(
    of f: (T) -> T, at x: T, using estimator: DerivativeEstimator = .errsweep
) -> DerivativeEstimate<T> {
    estimator.estimate(f, at: x)
}

/// The gradient of a function of several variables you have only as a closure: each component
/// by `estimateDerivative` along its axis, the others held fixed, with its own bound, evaluations
/// and status.
public func estimateGradient<T: WorkingFloat>(
    of f: ([T]) -> T, at point: [T], using estimator: DerivativeEstimator = .errsweep
) -> [DerivativeEstimate<T>] {
    point.indices.map { axis in
        estimator.estimate({ (t: T) -> T in
            var moved = point
            moved[axis] = t
            return f(moved)
        }, at: point[axis])
    }
}
