import Foundation

/// Automatic differentiation: no step, no truncation, exact up to rounding (`AutomaticDerivative`).
/// Forward mode carries nested duals, reverse mode records a tape (forward over reverse past f′),
/// Taylor mode carries a truncated series.
struct AutomaticScheme: DerivativeScheme {
    enum Mode: Sendable { case forward, reverse, taylor }
    let mode: Mode
    var automaticMode: Mode? { mode }

    var title: String {
        switch mode {
        case .forward: "forward-mode AD"
        case .reverse: "reverse-mode AD"
        case .taylor: "Taylor-mode AD"
        }
    }

    var chartColor: Int {
        switch mode {
        case .forward: 5
        case .reverse: 6
        case .taylor: 8
        }
    }

    var numberSystem: String {
        switch mode {
        case .forward: "dual"
        case .reverse: "tape-recorded"
        case .taylor: "Taylor-series"
        }
    }

    /// A Taylor series of degree 1 is a dual number: for a gradient, forward and Taylor mode are
    /// one.
    var gradientRule: GradientRule { mode == .reverse ? .tape : .dualPass }

    /// Reverse mode's values are forward mode's, to the bit, wherever f is well conditioned.
    var isDrawnDashed: Bool { mode == .reverse }

    /// Taylor mode is forward mode for f′, so it is listed from f″ on.
    func computes(derivative k: Int) -> Bool {
        ((mode == .taylor ? 2 : 1)...DerivativeMethod.highestDerivative).contains(k)
    }

    func errorShape(derivative k: Int) -> DerivativeMethod.ErrorShape { .exact }

    func stepFreeEstimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T) -> T? {
        switch mode {
        case .forward: AutomaticDerivative.forward(derivative: k, of: f, at: x)
        case .reverse: AutomaticDerivative.reverse(derivative: k, of: f, at: x)
        case .taylor: AutomaticDerivative.taylor(derivative: k, of: f, at: x)
        }
    }

    func estimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T, step h: T, truth: T?) -> (estimate: T, status: MeasurementStatus) {
        (stepFreeEstimate(derivative: k, of: f, at: x)!, .ok)
    }

    /// AD in real arithmetic is the derivative itself.
    func exactValue(derivative k: Int, of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        f.derivativeBall(at: x, order: k, precision: precision)
    }

    func sampleWeight(derivative k: Int) -> Double { 0 }

    func truncationCoefficients(derivative k: Int, count: Int) -> [Double]? { nil }

    func roundingModel(derivative k: Int, at point: RoundingPoint) -> RoundingModel { .ofTheDerivative(point) }

    func summary(derivative k: Int) -> String {
        switch mode {
        case .forward: k == 1 ? "dual numbers, one forward pass, exact up to rounding" : "dual numbers nested \(k) deep (hyper-dual for K = 2), exact up to rounding"
        case .reverse: k == 1 ? "tape and one backward pass, exact up to rounding" : "forward-over-reverse: a tape of \(k - 1)-deep duals, one backward pass"
        case .taylor: "Taylor series to degree K carried through f (K ≥ 2), one forward pass, exact up to rounding"
        }
    }
}
