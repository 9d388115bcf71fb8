import Foundation
import Testing

@testable import ErrSweep

/// The multicomplex step against the truth and against its own series.
@Suite struct MulticomplexStepTests {
    /// f⁽ᴷ⁾ by the multicomplex step over the catalog at its points, at h = 1e−30 (truncation far
    /// below an ulp) and at h = 1e−10: f″ within 4 ulps of MPFR's, f‴ and f⁽⁴⁾ within 16 — the
    /// target of the complex step without its cancellation.
    ///
    /// Left out, as for AD (`ExactSecondDerivativeTests`): softplus at 2 and 10, whose program
    /// log1p(eˣ) forms f″ as e/(1+e) − e²/(1+e)², a difference smaller than its terms by 8 at
    /// x = 2 and by 2·10⁴ at x = 10 (9 and 10⁴ ulps here: the program, not the method); Runge's
    /// f‴ at the double nearest 0.2, where f‴ is 0 at 0.2 itself. Where f⁽ᴷ⁾ is 0 the error is
    /// absolute.
    @Test(arguments: [1e-30, 1e-10])
    func multicomplexDerivativesOfTheCatalog(_ h: Double) {
        var compared = 0
        for f in Catalog.functions {
            for x in f.defaultPoints where !(f.name == "softplus" && x >= 2) {
                let jet = HigherDerivatives.at(BigFloat(x, precision: 256), of: f, through: 8)
                for k in 2...4 where !(f.name == "runge" && x == 0.2 && k == 3) {
                    let truth = Double(nearest: jet[k])
                    let estimate = MulticomplexStep.derivative(k, of: f, at: x, step: h)
                    if truth == 0 {
                        #expect(abs(estimate) < 1e-15, "\(f.name) at \(x), K = \(k): \(estimate)")
                    } else {
                        #expect(estimate.ulpDistance(to: truth) <= (k == 2 ? 4 : 16), "\(f.name) at \(x), K = \(k), h = \(h): \(estimate) vs \(truth)")
                    }
                    compared += 1
                }
            }
        }
        // Three derivatives at every default point of the catalog but the three left out.
        #expect(compared == 3 * Catalog.functions.map(\.defaultPoints.count).reduce(0, +) - 2 * 3 - 1)
    }

    /// The series of the i₁⋯iₖ part over hᴷ, from (sin t)ᴷ: sin²t = t² − t⁴/3 + 2t⁶/45 − …,
    /// sin³t = t³ − t⁵/2 + 13t⁷/120 − …, sin⁴t = t⁴ − 2t⁶/3 + …; for K = 1 the complex step's.
    @Test func truncationSeriesIsThatOfSineToTheK() throws {
        let two = try #require(TruncationSeries.coefficients(of: .multicomplex, derivative: 2))
        #expect(two[0] == 0 && abs(two[1] + 1.0 / 3) < 1e-16 && two[2] == 0 && abs(two[3] - 2.0 / 45) < 1e-16)
        let three = try #require(TruncationSeries.coefficients(of: .multicomplex, derivative: 3))
        #expect(abs(three[1] + 1.0 / 2) < 1e-16 && abs(three[3] - 13.0 / 120) < 1e-16)
        let four = try #require(TruncationSeries.coefficients(of: .multicomplex, derivative: 4))
        #expect(abs(four[1] + 2.0 / 3) < 1e-15)
    }

    /// The split of exp's f″ at 0, h = 1e−3: every derivative is 1, so the truncation is the
    /// series itself, −h²/3 + 2h⁴/45 − 4h⁶/315 (the next coefficient of sin²t); the estimate's
    /// rounding is a few ulps of 1.
    @Test func theSplitOfTheMulticomplexStep() throws {
        let f = try #require(Catalog.function(named: "exp"))
        let h = 1e-3
        let estimate = MulticomplexStep.derivative(2, of: f, at: 0.0, step: h)
        let split = ErrorSplit.measure(method: .multicomplex, derivative: 2, of: f, at: 0.0, step: h, estimate: estimate)
        let series = -h * h / 3 + 2 * pow(h, 4) / 45 - 4 * pow(h, 6) / 315
        #expect(abs(split.truncation / series - 1) < 1e-9, "\(split.truncation) vs \(series)")
        #expect(abs(split.rounding) < 4 * Double.ulpOfOne)
        #expect(abs((estimate - 1) - (split.truncation + split.rounding)) < 1e-20)
    }

    /// Where h²·f″ leaves the normal range the part keeps few bits: flagged, as for the complex
    /// step, not read as the method's error.
    @Test func aPartBelowTheNormalRangeIsFlagged() throws {
        let spec = SweepSpec(function: Sigmoid(), points: [2], methods: [.multicomplex], steps: Steps([1e-100, 1e-170]), derivative: 2)
        let rows = SweepRunner.run(spec)
        #expect(rows.map(\.status) == [.ok, .imaginaryUnderflow])
        #expect(rows[0].ulps <= 2)
    }
}
