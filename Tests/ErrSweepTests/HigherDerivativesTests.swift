import ErrSweep
import Testing

@Suite struct HigherDerivativesTests {
    /// Every derivative of e^x is e^x.
    @Test func exponential() {
        let d = HigherDerivatives.at(BigFloat(1.0, precision: 200), of: Exponential())
        #expect(d.count == 8)
        for k in 0...7 {
            #expect(relativeDifference(d[k], big("2.718281828459045235360287471352662497757247")) < 1e-40, "order \(k)")
        }
    }

    /// sin, cos, −sin, −cos, … at x = 0.5.
    @Test func sine() {
        let d = HigherDerivatives.at(BigFloat(0.5, precision: 200), of: Sine())
        let sin = big("0.4794255386042030002732879352155713880818"), cos = big("0.8775825618903727161162815826038296519916")
        let expected = [sin, cos, -sin, -cos, sin, cos, -sin, -cos]
        for k in 0...7 { #expect(relativeDifference(d[k], expected[k]) < 1e-38, "order \(k)") }
    }

    /// The sigmoid's derivatives at 2: mpmath at 50 digits, `[diff(f, 2, k) for k in range(8)]`.
    @Test func sigmoidAgainstMpmath() {
        let d = HigherDerivatives.at(BigFloat(2.0, precision: 200), of: Sigmoid())
        let expected = [
            "0.8807970779778824440597291413023967952064", "0.1049935854035065173486241847604253612293",
            "-0.0799625010561530625235614711629804941524", "0.03885166754820601644415815179513896247973",
            "0.02078409514845317742922098377878319843524", "-0.08682646185115187183757160784870268765428",
            "0.1064380893852508127825014871917726662988", "0.04800143708718892319841330601280971430606",
        ]
        for k in 0...7 { #expect(relativeDifference(d[k], big(expected[k])) < 1e-30, "order \(k)") }
    }

    /// The sigmoid's even derivatives vanish at 0 (σ − 1/2 is odd).
    @Test func sigmoidEvenDerivativesVanishAtZero() {
        let d = HigherDerivatives.at(BigFloat(0.0, precision: 200), of: Sigmoid())
        for k in [2, 4, 6] { #expect(d[k].magnitude < BigFloat.pow(BigFloat(2), -150), "order \(k)") }
        #expect(relativeDifference(d[3], big("-0.125")) < 1e-40)
    }

    /// Past 8 levels the jet comes from a Taylor series: it agrees with the nested duals where both
    /// reach, and e^x's jet stays e^x to order 14.
    @Test func deepJetsFromTaylorSeriesAgreeWithNestedDuals() {
        let x = BigFloat(2.0, precision: 200)
        let duals = HigherDerivatives.at(x, of: Sigmoid(), through: 8)
        let series = HigherDerivatives.at(x, of: Sigmoid(), through: 12)
        #expect(series.count == 13)
        for k in 0...8 { #expect(relativeDifference(series[k], duals[k]) < 1e-50, "order \(k)") }
        let exp = HigherDerivatives.at(BigFloat(1.0, precision: 200), of: Exponential(), through: 14)
        for k in 0...14 {
            #expect(relativeDifference(exp[k], big("2.718281828459045235360287471352662497757247")) < 1e-40, "order \(k)")
        }
    }
}
