import Foundation

/// The Cauchy integral on a circle of radius h around x, by the trapezoid rule on N = 4 points
/// (Lyness & Moler, "Numerical differentiation of analytic functions", SIAM J. Numer. Anal. 4(2),
/// 1967; Fornberg, ACM TOMS 7(4), 1981):
///
///     f⁽ᴷ⁾(x) ≈ K!/(4hᴷ) · Σⱼ i^(−jK) f(x + iʲh),   j = 0…3, K = 1…3.
///
/// For f real on the real axis f(x − ih) is the conjugate of f(x + ih), so the sum needs f at
/// x ± h and once at x + ih: K!/(4hᴷ) · [f(x + h) + (−1)ᴷ f(x − h) + 2 Re((−i)ᴷ f(x + ih))] — for
/// f′ the mean of the central difference and the complex step. The trapezoid rule aliases
/// f⁽ᴷ⁺⁴ᵐ⁾ onto f⁽ᴷ⁾: D(h) − f⁽ᴷ⁾(x) = Σₘ K!/(K + 4m)! · f⁽ᴷ⁺⁴ᵐ⁾(x) · h⁴ᵐ, fourth order, and
/// it subtracts f(x − h) from f(x + h), so its error has a V. Not in a default sweep: named with
/// `--method contour`.
struct ContourScheme: DerivativeScheme {
    var title: String { "4-point Cauchy contour" }
    var chartColor: Int { 7 }
    var numberSystem: String { "complex" }
    /// (f(x + heᵢ) − f(x − heᵢ) + 2 Im f(x + iheᵢ))/4h per component, at the five-point formula's
    /// textbook step: both are of order 4.
    var gradientRule: GradientRule {
        .samples(.init(real: [(1, 1), (-1, -1)], imaginary: [(1, 2)], denominator: 4, step: .textbook(.central5)))
    }
    var isInDefaultSweep: Bool { false }

    /// Four points resolve f⁽ᴷ⁾ for K < 4.
    func computes(derivative k: Int) -> Bool { (1...3).contains(k) }

    func errorShape(derivative k: Int) -> DerivativeMethod.ErrorShape { .v }

    /// (−i)ᴷ's real and imaginary parts: which part of f(x + ih) the sum reads, with its sign.
    static func rotation(_ k: Int) -> (real: Int, imaginary: Int) {
        [(1, 0), (0, -1), (-1, 0), (0, 1)][k % 4]
    }

    static func factorial(_ k: Int) -> Int { (1...max(k, 1)).reduce(1, *) }

    func estimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T, step h: T, truth: T?) -> (estimate: T, status: MeasurementStatus) {
        let up = x + h, down = x - h
        let z = f(ComponentwiseComplex(x, h))
        let turn = Self.rotation(k)
        // Re((−i)ᴷ·z) = a·Re z − b·Im z for (−i)ᴷ = a + bi.
        let rotated = T(turn.real) * z.real - T(turn.imaginary) * z.imaginary
        let sum = f(up) + (k % 2 == 0 ? f(down) : -f(down)) + 2 * rotated
        var power = h
        for _ in 1..<k { power *= h }
        let estimate = T(Self.factorial(k)) * sum / (4 * power)
        return (estimate, up == x || down == x ? .stepBelowResolution : .ok)
    }

    func exactValue(derivative k: Int, of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball {
        let up = f.valueBall(at: BigFloat.exactSum(x, h), precision: precision)
        let down = f.valueBall(at: BigFloat.exactSum(x, -h), precision: precision)
        let z = BigFloat.withLiteralPrecision(precision) { f(ComplexBall(x, h, precision: precision)) }
        let turn = Self.rotation(k)
        let rotated = Ball(turn.real, precision: precision) * z.real - Ball(turn.imaginary, precision: precision) * z.imaginary
        let sum = up + (k % 2 == 0 ? down : Ball(0, precision: precision) - down) + Ball(2, precision: precision) * rotated
        var power = h
        for _ in 1..<k { power = BigFloat.exactProduct(power, h) }
        return Ball(Self.factorial(k), precision: precision) * sum / Ball(BigFloat.exactProduct(BigFloat(4), power), precision: precision)
    }

    /// K!/4 on each of f(x ± h) and twice that on the part of f(x + ih): Σ|wᵢ|/d = K!.
    func sampleWeight(derivative k: Int) -> Double { Double(Self.factorial(k)) }

    /// cₖ = K!/(K + k)! = 1/((K + 1)(K + 2)…(K + k)) where 4 divides k, else 0.
    func truncationCoefficients(derivative k: Int, count: Int) -> [Double]? {
        (1...count).map { j in j % 4 == 0 ? 1 / (k + 1...k + j).reduce(1.0) { $0 * Double($1) } : 0 }
    }

    /// f(x ± h) are each off by u(|f| + |x·f′|), x ± h being rounded (not with exact steps);
    /// the real part of f(x + ih), read for even K, by as much again with weight 2; the
    /// imaginary part, read for odd K, is about h·f′ and rounds far below the rest. Over 4hᴷ/K!.
    func roundingModel(derivative k: Int, at point: RoundingPoint) -> RoundingModel {
        let (f, slope, x) = (point.value, point.slope, point.x)
        let sample = f * f + (point.exactStep ? 0 : x * x * slope * slope)
        let real = k % 2 == 0 ? 4 * (f * f + x * x * slope * slope) : 0
        return RoundingModel(power: k, variance: (2 * sample + real, 0, 0),
                             scale: point.unitRoundoff * Double(Self.factorial(k)) / (4 * 3.0.squareRoot()))
    }

    func summary(derivative k: Int) -> String {
        "K!/(4hᴷ)·Σⱼ i^(−jK) f(x + iʲh), 4 points on a circle (Lyness & Moler 1967), O(h⁴)"
    }
}
