import Foundation

/// A finite-difference formula of one family and order of accuracy, for every derivative:
/// Σ wᵢ·f(x + oᵢh)/(d·hᴷ) (`Stencil`, weights from Fornberg's recurrence). The named methods
/// (forward, backward, central, central5) are the usual ones, with their textbook f′ formulas.
struct DifferenceScheme: DerivativeScheme {
    let family: DerivativeMethod.StencilFamily
    /// The order of accuracy p, the same for every derivative.
    let order: Int
    /// The textbook formula for f′, where the method has a name.
    let firstDerivative: Stencil?
    /// The f′ formula in words, where the method has a name.
    let firstSummary: String?
    let title: String
    let chartColor: Int
    var numberSystem: String { "floating-point" }
    var gradientRule: GradientRule { .samples(.init(stencil: stencil(derivative: 1)!)) }

    func computes(derivative k: Int) -> Bool { (1...DerivativeMethod.highestDerivative).contains(k) }

    /// Every stencil subtracts values of f: a V (`DerivativeMethod.ErrorShape`).
    func errorShape(derivative k: Int) -> DerivativeMethod.ErrorShape { .v }

    /// Forward and backward of order 1, central of order 2 and central5 of order 4, and any order
    /// of a family by Fornberg's recurrence (Fornberg 1988, Table 1).
    func stencil(derivative k: Int) -> Stencil? {
        if k == 1, let firstDerivative { return firstDerivative }
        return switch family {
        case .forward: .forward(derivative: k, order: order)
        case .backward: .backward(derivative: k, order: order)
        case .central: .central(derivative: k, order: order)
        }
    }

    func estimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T, step h: T, truth: T?) -> (estimate: T, status: MeasurementStatus) {
        let stencil = stencil(derivative: k)!
        return (stencil.apply({ f($0) }, at: x, step: h), stencil.stepBelowResolution(at: x, step: h) ? .stepBelowResolution : .ok)
    }

    func exactValue(derivative k: Int, of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        stencil(derivative: k)!.exactValue(of: f, at: x, step: h, precision: precision)
    }

    func sampleWeight(derivative k: Int) -> Double {
        let stencil = stencil(derivative: k)!
        return Double(stencil.weights.map(abs).reduce(0, +)) / Double(stencil.denominator)
    }

    /// Taylor-expanding each sample f(x + oᵢh) = Σⱼ f⁽ʲ⁾(x)(oᵢh)ʲ/j! gives
    /// cₖ = Σᵢ wᵢ·oᵢ^(K+k) / (d·(K+k)!) exactly (Fornberg 1988, §2).
    func truncationCoefficients(derivative k: Int, count: Int) -> [Double]? {
        let stencil = stencil(derivative: k)!
        return (1...count).map { j in
            let moment = zip(stencil.weights, stencil.offsets).map { w, o in Double(w) * Double(Self.power(o, k + j)) }.reduce(0, +)
            return moment / (Double(stencil.denominator) * Self.factorial(k + j))
        }
    }

    /// Sample i is off by its own rounding, of size |f(x + oᵢh)| ≈ |f(x)| + |oᵢh·f′(x)|, and —
    /// where the point x + oᵢh was itself rounded, by up to u|x| — by |x·f′(x)| times another
    /// such error; independent errors add in variance, over d·hᴷ (`ErrorModel.make`).
    func roundingModel(derivative k: Int, at point: RoundingPoint) -> RoundingModel {
        let stencil = stencil(derivative: k)!
        let (f, slope, x) = (point.value, point.slope, point.x)
        var a0 = 0.0, a1 = 0.0, a2 = 0.0
        for (w, o) in zip(stencil.weights, stencil.offsets) {
            let w2 = Double(w * w), o = Double(abs(o))
            a0 += w2 * (f * f + (o != 0 && !point.exactStep ? x * x * slope * slope : 0))
            a1 += w2 * 2 * f * o * slope
            a2 += w2 * o * o * slope * slope
        }
        return RoundingModel(power: k, variance: (a0, a1, a2), scale: point.unitRoundoff / (3.0.squareRoot() * Double(stencil.denominator)))
    }

    func summary(derivative k: Int) -> String {
        if k == 1, let firstSummary { return firstSummary }
        let stencil = stencil(derivative: k)!
        return "\(stencil.offsets.count)-point \(family.rawValue) formula, O(h\(NumberFormat.superscript(stencil.order)))"
    }

    static func power(_ base: Int, _ exponent: Int) -> Int { (0..<exponent).reduce(1) { acc, _ in acc * base } }
    static func factorial(_ n: Int) -> Double { (1...max(n, 1)).reduce(1.0) { $0 * Double($1) } }
}
