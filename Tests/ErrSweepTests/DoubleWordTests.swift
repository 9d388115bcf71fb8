@testable import ErrSweep
import Testing

/// Double-word arithmetic against MPFR at 400 bits: each operation within the relative error
/// bound Joldes, Muller & Popescu (ACM TOMS 44(2), 2017) prove for it, in units of u² = 2^−106,
/// on random operands of random signs over 40 binades; and the two uses of it that the audit's
/// targets rest on, against mpmath.
@Suite struct DoubleWordTests {
    static let uSquared = 0x1p-106

    static func exact(_ x: DoubleWord<Double>) -> BigFloat { x.hi.exact.withPrecision(400) + x.lo.exact }

    static func relativeError(_ x: DoubleWord<Double>, _ truth: BigFloat) -> Double {
        ((exact(x) - truth) / truth).magnitude.doubleValue / uSquared
    }

    /// A double word hi + lo with lo a random fraction of an ulp of hi.
    static func random(_ rng: inout SplitMix) -> DoubleWord<Double> {
        let hi = (rng.unit() < 0.5 ? -1 : 1) * (1 + rng.unit()) * Double(sign: .plus, exponent: Int(rng.unit() * 40) - 20, significand: 1)
        return DoubleWord.fastSum(hi, (rng.unit() - 0.5) * hi.ulp)
    }

    @Test func everyOperationWithinItsProvenBound() {
        var rng = SplitMix(seed: 20261129)
        var worst = (sum: 0.0, productByFloat: 0.0, product: 0.0, quotientByFloat: 0.0, quotient: 0.0)
        for _ in 0..<3000 {
            let x = Self.random(&rng), y = Self.random(&rng), f = Self.random(&rng).hi
            let ex = Self.exact(x), ey = Self.exact(y), ef = f.exact.withPrecision(400)
            // The bounds hold for sums only where no cancellation makes the result tiny; the
            // exact sum is compared absolutely, relative to the larger operand.
            let sum = x + y
            worst.sum = max(worst.sum, ((Self.exact(sum) - (ex + ey)) / max(ex.magnitude, ey.magnitude)).magnitude.doubleValue / Self.uSquared)
            worst.productByFloat = max(worst.productByFloat, Self.relativeError(x * f, ex * ef))
            worst.product = max(worst.product, Self.relativeError(x * y, ex * ey))
            worst.quotientByFloat = max(worst.quotientByFloat, Self.relativeError(x / f, ex / ef))
            worst.quotient = max(worst.quotient, Self.relativeError(x / y, ex / ey))
        }
        #expect(worst.sum <= 3.1)
        #expect(worst.productByFloat <= 2.1)
        #expect(worst.product <= 4.1)
        #expect(worst.quotientByFloat <= 3.1)
        #expect(worst.quotient <= 15.1)
    }

    @Test func exactSumAndProduct() {
        let sum = DoubleWord(sum: 1, 0x1p-60)
        #expect(sum.hi == 1 && sum.lo == 0x1p-60)
        let third = 1.0 / 3
        let product = DoubleWord(product: third, 3)
        #expect(Self.exact(product) == third.exact.withPrecision(400) * 3)
    }

    /// σ′ = e/(1 + e)² rounded once: within an ulp, at the points where σ′ lies just below ¼ (an
    /// ulp smallest relative to it), where the tape's three-rounding chain was 3 ulps off.
    /// Values from mpmath at 40 digits.
    @Test func sigmoidDerivativeRoundedOnce() {
        #expect(ulps(Double.sigmoidDerivative(-1e-5), from: "0.2499999999937500000001041656441270170809") <= 1)
        #expect(ulps(Double.sigmoidDerivative(0.75), from: "0.2178949937618140294802505001641741231135") <= 1)
        #expect(ulps(Double.sigmoidDerivative(3), from: "0.04517665973091213264936002843565163799486") <= 1)
    }

    /// And over a dense grid of [−40, 40] against MPFR, in forward and reverse AD alike.
    @Test func sigmoidDerivativeOnADenseGrid() {
        var worst = 0.0
        for k in 0...4000 {
            let x = -40 + Double(k) * 0.02 + 0.0013
            let e = BigFloat.exp(-x.magnitude.exact.withPrecision(200))
            let truth = Double(nearest: e / ((1 + e) * (1 + e)))
            worst = max(worst, Double.sigmoidDerivative(x).ulpDistance(to: truth))
            let reverse = AutomaticDerivative.reverse(of: { Tracked.sigmoid($0) }, at: x)
            #expect(reverse == Double.sigmoidDerivative(x))
        }
        #expect(worst <= 1)
    }
}
