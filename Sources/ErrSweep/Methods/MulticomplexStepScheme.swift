import Foundation

/// The multicomplex step for f⁽ᴷ⁾, K ≥ 2: the complex step with K imaginary units, reading
/// f⁽ᴷ⁾ from the part i₁…iₖ of f(x + h(i₁ + … + iₖ)), over hᴷ (`MulticomplexStep`; Lantoine,
/// Russell & Dargent, ACM TOMS 38(3), 2012). Like the complex step's f′ it subtracts nothing.
struct MulticomplexStepScheme: DerivativeScheme {
    var title: String { "multicomplex step" }
    var chartColor: Int { 9 }
    var numberSystem: String { "multicomplex" }
    /// A multicomplex step with one imaginary unit, as a gradient needs, is the complex step.
    var gradientRule: GradientRule { .complexStep }

    /// K ≥ 2: for f′ it is the complex step.
    func computes(derivative k: Int) -> Bool { (2...DerivativeMethod.highestDerivative).contains(k) }

    func errorShape(derivative k: Int) -> DerivativeMethod.ErrorShape { .floor }

    func estimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T, step h: T, truth: T?) -> (estimate: T, status: MeasurementStatus) {
        // As for the complex step: where hᴷ·f⁽ᴷ⁾ leaves the normal range the part has lost its
        // bits.
        let underflows = truth.map { truth in truth != 0 && !(0..<k).reduce(truth) { product, _ in product * h }.isNormal } ?? false
        return (MulticomplexStep.derivative(k, of: f, at: x, step: h), underflows ? .imaginaryUnderflow : .ok)
    }

    func exactValue(derivative k: Int, of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        MulticomplexStep.exactValue(k, of: f, at: x, step: h, precision: precision)
    }

    func sampleWeight(derivative k: Int) -> Double { 0 }

    /// The part reads f's Taylor series through (sin t)ᴷ: cₖ is its coefficient of t^(K+k) — for
    /// f″, −1/3 and 2/45.
    func truncationCoefficients(derivative k: Int, count: Int) -> [Double]? {
        let t = Taylor<Double>(0, degree: k + count)
        let kernel: Taylor<Double> = .pow(.sin(t), k)
        return (1...count).map { kernel[k + $0] }
    }

    func roundingModel(derivative k: Int, at point: RoundingPoint) -> RoundingModel { .ofTheDerivative(point) }

    func summary(derivative k: Int) -> String { "Im₁…ₖ f(x + h(i₁+…+iₖ))/hᴷ (K ≥ 2), O(h²), no subtraction" }
}
