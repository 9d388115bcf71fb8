@testable import ErrSweep
import Testing

/// The Hessian by every method against closed forms: for f = √(2p + q)/3 + ln(p²q) + 3,
/// f_pp = −(2p+q)^(−3/2)/3 − 2/p², f_pq = −(2p+q)^(−3/2)/6, f_qq = −(2p+q)^(−3/2)/12 − 1/q²;
/// at p = 1.5, q = 2 (mpmath, 40 digits, rounded to Double): −0.918703128588886,
/// −0.014907119849998597 and −0.2574535599249993.
@Suite struct HessianComparisonTests {
    static let expression = try! ExpressionParser.parse("sqrt(p + p + q)/3 + ln(p*(p*q)) + 3")
    static let closedForm: [[Double]] = [[-0.918703128588886, -0.014907119849998597], [-0.014907119849998597, -0.2574535599249993]]

    @Test func theTruthIsTheClosedForm() {
        let comparison = HessianComparison(Self.expression, at: ["p": 1.5, "q": 2])
        #expect(comparison.exact == Self.closedForm)
        #expect(comparison.unsettled.isEmpty)
    }

    /// The work each method counts, from its construction for n variables: n² hyper-dual and
    /// complex dual passes (one per entry), n recordings and backward passes (one Hv per column),
    /// 2n gradients (two per column), and 1 + 2n + 4·n(n−1)/2 values of f for second differences
    /// (f(x), two per diagonal entry, four per entry below it).
    @Test(arguments: [("sin(p)*q + exp(q)", ["p": 0.5, "q": 1.0]), ("p*q*r + sin(r)", ["p": 1, "q": 2, "r": 3])])
    func workIsCountedFromTheConstruction(_ c: (String, [String: Double])) throws {
        let comparison = HessianComparison(try ExpressionParser.parse(c.0), at: c.1)
        let n = c.1.count
        #expect(comparison.rows.count == HessianComparison.Method.allCases.count)
        for row in comparison.rows {
            let expected: WorkCount.Kind, count: Int
            switch row.method {
            case .hyperDual: (expected, count) = (.hyperDualPass, n * n)
            case .forwardOverReverse: (expected, count) = (.recording, n)
            case .complexStepOfForwardAD: (expected, count) = (.complexDualPass, n * n)
            case .gradientDifferences: (expected, count) = (.gradient, 2 * n)
            case .secondDifferences: (expected, count) = (.evaluation, 1 + 2 * n + 2 * n * (n - 1))
            }
            #expect(row.work.count(of: expected) == count, "\(row.method): \(row.work)")
        }
    }

    /// Every method exact in real arithmetic — hyper-dual and forward-over-reverse — is within 4
    /// ulps of the truth in every entry, and its Hᵢⱼ and Hⱼᵢ agree to an ulp.
    @Test func exactMethodsAreWithinFourUlpsAndSymmetric() throws {
        let comparison = HessianComparison(Self.expression, at: ["p": 1.5, "q": 2])
        let exactMethods = comparison.rows.filter(\.method.isExactInRealArithmetic)
        #expect(exactMethods.map { $0.method } == [.hyperDual, .forwardOverReverse])
        for row in exactMethods {
            #expect(row.worstUlps <= 4, "\(row.method): \(row.ulps)")
            #expect(row.asymmetry <= 1, "\(row.method): Hᵢⱼ and Hⱼᵢ \(row.asymmetry) ulps apart")
        }
    }

    /// The difference methods lose what theory says: second differences at h = ε^¼ keep about
    /// √ε ≈ 1e-8 of relative accuracy, differences of exact gradients at h = ε^⅓ about ε^⅔ ≈ 4e-11.
    @Test func differenceMethodsLoseWhatTheorySays() throws {
        let comparison = HessianComparison(Self.expression, at: ["p": 1.5, "q": 2])
        let values = try #require(comparison.rows.first { $0.method == .secondDifferences })
        let gradients = try #require(comparison.rows.first { $0.method == .gradientDifferences })
        for i in 0..<2 {
            for j in 0..<2 {
                let truth = Self.closedForm[i][j]
                #expect(abs(values.hessian[i][j] - truth) / abs(truth) < 3e-7)
                #expect(abs(gradients.hessian[i][j] - truth) / abs(truth) < 3e-9)
                #expect(abs(values.hessian[i][j] - truth) / abs(truth) > 1e-12, "not a copy of the truth")
            }
        }
        #expect(values.asymmetry == 0 && values.symmetricByConstruction)
    }

    /// A point outside the domain (p = −1, where √(2p + q) is NaN for q = 1) has no truth, and says why.
    @Test func outsideTheDomainThereIsNoTruth() {
        let comparison = HessianComparison(Self.expression, at: ["p": -1, "q": 1])
        #expect(comparison.exact.joined().allSatisfy { $0.isNaN })
        #expect(comparison.unsettled.count == 4)
    }

    /// One variable: the second derivative. exp(x) at 1: e by every exact method.
    @Test func oneVariableIsTheSecondDerivative() {
        let comparison = HessianComparison(try! ExpressionParser.parse("exp(x)"), at: ["x": 1])
        #expect(comparison.exact == [[2.718281828459045]])
        let exactMethods = comparison.rows.filter(\.method.isExactInRealArithmetic)
        #expect(exactMethods.count == 2)
        for row in exactMethods { #expect(row.worstUlps <= 1, "\(row.method)") }
    }
}
