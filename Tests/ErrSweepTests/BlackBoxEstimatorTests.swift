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
}
