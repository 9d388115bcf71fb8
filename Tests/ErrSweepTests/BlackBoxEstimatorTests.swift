@testable import ErrSweep
import Foundation
import Testing

/// The published rules as errsweep replicates them, from f's values alone, on closed forms:
/// sin′(0.5) = cos 0.5 = 0.8775825618903728, exp′(1) = e = 2.718281828459045 and
/// √′(2) = 1/(2√2) = 0.3535533905932738 (mpmath, rounded to Double).
@Suite struct BlackBoxEstimatorTests {
    static let cases: [(name: String, f: @Sendable (Double) -> Double, x: Double, truth: Double)] = [
        ("sin", { Foundation.sin($0) }, 0.5, 0.8775825618903728),
        ("exp", { Foundation.exp($0) }, 1, 2.718281828459045),
        ("sqrt", { $0.squareRoot() }, 2, 0.3535533905932738),
    ]

    /// Ridders' tableau on smooth functions: near full accuracy, its claimed error at least the
    /// true one, and at most 2·NTAB = 20 evaluations.
    @Test(arguments: 0..<cases.count)
    func riddersIsAccurateAndHonestOnSmoothFunctions(_ index: Int) {
        let c = Self.cases[index]
        let estimate = Ridders.estimate(c.f, at: c.x)
        let error = abs(estimate.value - c.truth)
        #expect(estimate.status == .ok)
        #expect(error / abs(c.truth) < 1e-12, "\(c.name): \(estimate)")
        #expect(estimate.evaluations <= 20 && estimate.evaluations >= 4 && estimate.evaluations % 2 == 0)
        #expect(estimate.bound >= 0 && estimate.bound < 1e-9)
    }

    /// log at 1e-3: the first step, 0.1, reaches past the domain edge, and so does every step of
    /// the tableau (0.1/1.4⁹ ≈ 0.005 > 0.001): dfridr answers NaN, as the peers' table records;
    /// here that is a status, not a number.
    @Test func riddersPastTheDomainEdgeSaysSo() {
        let estimate = Ridders.estimate({ Foundation.log($0) }, at: 1e-3)
        #expect(estimate.value.isNaN && estimate.status == .outOfDomain && estimate.bound == .infinity)
        #expect(estimate.evaluations == 20)
    }

    /// The textbook step: two evaluations, about ∛ε² ≈ 4e-11 of relative accuracy on tame
    /// functions, and its bound holding there.
    @Test(arguments: 0..<cases.count)
    func centralCubeRootTakesTwoEvaluations(_ index: Int) {
        let c = Self.cases[index]
        let estimate = CentralCubeRoot.estimate(c.f, at: c.x)
        #expect(estimate.evaluations == 2 && estimate.status == .ok)
        let error = abs(estimate.value - c.truth)
        #expect(error / abs(c.truth) < 1e-9, "\(c.name): \(estimate)")
        #expect(error <= estimate.bound, "\(c.name): error \(error), bound \(estimate.bound)")
    }

    /// sqrt at −1 is outside the domain at every step.
    @Test func centralCubeRootOutsideTheDomain() {
        let estimate = CentralCubeRoot.estimate({ $0.squareRoot() }, at: -1)
        #expect(estimate.status == .outOfDomain && estimate.value.isNaN)
    }

    /// Stepleman & Winarsky against an independent implementation (numericalderivative 0.x's
    /// `SteplemanWinarsky.find_step` with β = 4, its step and derivative written here as
    /// literals): the same first step gives the same last step and the same derivative, bit for
    /// bit, with 2(i + 2) evaluations for i reductions (the peer counts two more, for evaluating
    /// the answer again).
    @Test func steplemanWinarskyMatchesAnIndependentImplementation() {
        let cases: [(f: (Double) -> Double, x: Double, first: Double, value: Double, reductions: Int)] = [
            ({ Foundation.exp($0) }, 1.0, 2.422181780957337e-05, 2.7182818284921497, 2),
            ({ Foundation.sin($0) }, 0.5, 0.1, 0.8775825618923058, 8),
            ({ Foundation.exp(-$0 / 1e6) }, 1e-2, 1e8, -9.99999990016222e-07, 12),
            ({ Foundation.log($0) }, 3.0, 1.0, 0.3333333333430346, 9),
        ]
        for c in cases {
            let estimate = SteplemanWinarsky.estimate(c.f, at: c.x, initialStep: c.first)
            #expect(estimate.value == c.value && estimate.status == .ok, "at \(c.x): \(estimate)")
            #expect(estimate.evaluations == 2 * (c.reductions + 2))
        }
    }

    /// Algorithm FD on x² at 3, where everything is known in closed form: f″ = 2, so the chosen
    /// interval is ĥ = 2√(ε_A/2) with ε_A = 9ε, the forward difference is 6 + ĥ up to rounding,
    /// and the bound ĥ·2/2 + 2ε_A/ĥ covers its error.
    @Test func gmswOnAQuadratic() {
        let estimate = GillMurraySaundersWright.estimate({ $0 * $0 }, at: 3.0)
        let epsilonA = 9 * Double.ulpOfOne, h = 2 * (epsilonA / 2).squareRoot()
        #expect(estimate.status == .ok)
        #expect(abs(estimate.value - (6 + h)) <= 4 * epsilonA / h, "\(estimate)")
        #expect(abs(estimate.bound - (h + 2 * epsilonA / h)) <= 1e-3 * estimate.bound)
        #expect(abs(estimate.value - 6) <= estimate.bound)
        // f(x), f(x ± 10h̄) once, and f at x + ĥ; C(Φ) of an exact quadratic needs one decrease at most.
        #expect(estimate.evaluations >= 4 && estimate.evaluations <= 6)
    }

    /// Algorithm FD on exp at 1: Φ ≈ e, ĥ ≈ 2√ε, about 8 digits, the bound holding.
    @Test func gmswOnExp() {
        let estimate = GillMurraySaundersWright.estimate({ Foundation.exp($0) }, at: 1.0)
        let error = abs(estimate.value - 2.718281828459045)
        #expect(estimate.status == .ok && error <= estimate.bound && error / 2.718281828459045 < 1e-7, "\(estimate)")
    }
}
