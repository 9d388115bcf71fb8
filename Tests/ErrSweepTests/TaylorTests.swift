import Foundation
import Testing

@testable import ErrSweep

/// Taylor mode's series against the textbook ones: each elementary function's recurrence must
/// give the coefficients of its Maclaurin (or Taylor) series, f⁽ᵏ⁾(a)/k!, to within rounding.
@Suite struct TaylorTests {
    /// (function, point, the first five coefficients of f(a + t)).
    static let series: [(String, Double, @Sendable (Taylor<Double>) -> Taylor<Double>, [Double])] = [
        ("exp", 0, { .exp($0) }, [1, 1, 1.0 / 2, 1.0 / 6, 1.0 / 24]),
        ("expm1", 0, { .expMinusOne($0) }, [0, 1, 1.0 / 2, 1.0 / 6, 1.0 / 24]),
        ("log", 1, { .log($0) }, [0, 1, -1.0 / 2, 1.0 / 3, -1.0 / 4]),
        ("log1p", 0, { .log(onePlus: $0) }, [0, 1, -1.0 / 2, 1.0 / 3, -1.0 / 4]),
        ("sin", 0, { .sin($0) }, [0, 1, 0, -1.0 / 6, 0]),
        ("cos", 0, { .cos($0) }, [1, 0, -1.0 / 2, 0, 1.0 / 24]),
        ("sinh", 0, { .sinh($0) }, [0, 1, 0, 1.0 / 6, 0]),
        ("cosh", 0, { .cosh($0) }, [1, 0, 1.0 / 2, 0, 1.0 / 24]),
        ("tan", 0, { .tan($0) }, [0, 1, 0, 1.0 / 3, 0]),
        ("tanh", 0, { .tanh($0) }, [0, 1, 0, -1.0 / 3, 0]),
        ("atan", 0, { .atan($0) }, [0, 1, 0, -1.0 / 3, 0]),
        ("asin", 0, { .asin($0) }, [0, 1, 0, 1.0 / 6, 0]),
        ("acos", 0, { .acos($0) }, [Double.pi / 2, -1, 0, -1.0 / 6, 0]),
        ("asinh", 0, { .asinh($0) }, [0, 1, 0, -1.0 / 6, 0]),
        ("atanh", 0, { .atanh($0) }, [0, 1, 0, 1.0 / 3, 0]),
        // acosh at 2: f′ = 1/√(x² − 1), f″ = −x/(x² − 1)^(3/2).
        ("acosh", 2, { .acosh($0) }, [Double.acosh(2), 1 / 3.0.squareRoot(), -1 / (3 * 3.0.squareRoot())]),
        // √(1 + t) = 1 + t/2 − t²/8 + t³/16 − 5t⁴/128.
        ("sqrt", 1, { .sqrt($0) }, [1, 1.0 / 2, -1.0 / 8, 1.0 / 16, -5.0 / 128]),
        // ∛(8 + t) = 2 + t/12 − t²/288 + …
        ("cube root", 8, { .root($0, 3) }, [2, 1.0 / 12, -1.0 / 288]),
        // (4 + t)^2.5 = 32 + 20t + 3.75t² + (2.5·1.5·0.5/6)·4^(−½)t³ + …
        ("pow 2.5", 4, { .pow($0, Taylor(2.5)) }, [32, 20, 3.75, 0.15625]),
        ("cube", 2, { .pow($0, 3) }, [8, 12, 6, 1, 0]),
        ("1/(1 − x)", 0, { 1 / (1 - $0) }, [1, 1, 1, 1, 1]),
        ("x^-2", 1, { .pow($0, -2) }, [1, -2, 3, -4, 5]),
    ]

    @Test(arguments: series.indices)
    func recurrencesGiveTheTextbookSeries(_ index: Int) {
        let (name, a, f, expected) = Self.series[index]
        let got = f(Taylor(a, degree: 4))
        for (k, c) in expected.enumerated() {
            #expect(abs(got[k] - c) <= 4 * Double.ulpOfOne * max(abs(c), 1e-300), "\(name) at \(a): u\(k) = \(got[k]), expected \(c)")
        }
    }

    /// f⁽ᴷ⁾ = K!·u_K: the fourth derivative of e^x at 0 is 1, of sin at 0 is 0, of x⁴ is 24.
    @Test func derivativesAreFactorialTimesTheCoefficient() {
        #expect(Taylor<Double>.exp(Taylor(0, degree: 4)).derivative(4) == 1)
        #expect(Taylor<Double>.pow(Taylor(3, degree: 4), 4).derivative(4) == 24)
        #expect(Taylor<Double>.sin(Taylor(0, degree: 4)).derivative(4) == 0)
    }

    /// A constant is a series of degree 0, and mixing degrees pads with zeros.
    @Test func constantsAndDegrees() {
        let x = Taylor(2.0, degree: 3)
        #expect((x + 1).coefficients == [3, 1, 0, 0])
        #expect((x * x).coefficients == [4, 4, 1, 0])
        #expect(Taylor(1.0) == Taylor(coefficients: [1, 0, 0]))
    }
}
