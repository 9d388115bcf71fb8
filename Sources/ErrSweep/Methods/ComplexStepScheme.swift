import Foundation

/// The complex step: f′ ≈ Im f(x + ih)/h, which subtracts nothing, and f″ ≈ 2(f(x) − Re f(x + ih))/h²,
/// which does (`ComplexStep`; Squire & Trapp 1998, Abreu et al. 2013).
struct ComplexStepScheme: DerivativeScheme {
    var title: String { "complex step" }
    var chartColor: Int { 4 }
    var numberSystem: String { "complex" }
    var gradientRule: GradientRule { .complexStep }

    func computes(derivative k: Int) -> Bool { (1...2).contains(k) }

    /// f′ sits on a floor (no subtraction, Lyness & Moler 1967); f″ subtracts f(x) from
    /// Re f(x + ih) and has a V.
    func errorShape(derivative k: Int) -> DerivativeMethod.ErrorShape { k == 1 ? .floor : .v }

    func estimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T, step h: T, truth: T?) -> (estimate: T, status: MeasurementStatus) {
        if k == 2 { return (ComplexStep.secondDerivative(of: { f($0) }, value: f(x), at: x, step: h), .ok) }
        // Where h·f′ is below the normal range the imaginary part has lost its bits (at
        // h = 5e−324 it is 0): the estimate is measured but flagged, not read as the method's.
        let underflows = truth.map { $0 != 0 && !($0 * h).isNormal } ?? false
        return (ComplexStep.derivative(of: { f($0) }, at: x, step: h), underflows ? .imaginaryUnderflow : .ok)
    }

    func exactValue(derivative k: Int, of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        k == 2 ? ComplexStep.exactSecondDerivative(of: f, at: x, step: h, precision: precision)
            : ComplexStep.exactValue(of: f, at: x, step: h, precision: precision)
    }

    /// f″ differences f(x) and Re f(x + ih), with weights 2 and −2; f′ differences nothing.
    func sampleWeight(derivative k: Int) -> Double { k == 2 ? 4 : 0 }

    /// Im f(x + ih)/h reads f's Taylor series through sin t, 2(f(x) − Re f(x + ih))/h² through
    /// 2(1 − cos t): cₖ is the coefficient of t^(K+k) — for f′ c₂ = −1/6, c₄ = 1/120 (Squire &
    /// Trapp 1998), for f″ c₂ = −1/12, c₄ = 1/360.
    func truncationCoefficients(derivative k: Int, count: Int) -> [Double]? {
        let t = Taylor<Double>(0, degree: k + count)
        let kernel: Taylor<Double> = k == 1 ? .sin(t) : 2 * (1 - .cos(t))
        return (1...count).map { kernel[k + $0] }
    }

    /// f′ is rounded as f′ itself is. For f″, f(x) and Re f(x + ih) are each off by about u
    /// times the values f forms on the way, which are |f| and, where f(x) is a small difference
    /// of larger parts (x³ − x at 1), about |x·f′|: the same two terms a stencil's samples carry,
    /// with weights 2 and −2 over h².
    func roundingModel(derivative k: Int, at point: RoundingPoint) -> RoundingModel {
        guard k == 2 else { return .ofTheDerivative(point) }
        let (f, slope, x) = (point.value, point.slope, point.x)
        return RoundingModel(power: 2, variance: (8 * (f * f + x * x * slope * slope), 0, 0), scale: point.unitRoundoff / 3.0.squareRoot())
    }

    func summary(derivative k: Int) -> String {
        k == 1 ? "Im f(x+ih)/h, O(h²), no subtraction" : "2(f(x) − Re f(x+ih))/h², O(h²), subtracts again"
    }
}
