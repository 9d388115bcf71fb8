@testable import ErrSweep
import Foundation
import Testing

/// errsweep's own estimator over the corpus (`EstimatorCorpus`), each estimate judged against
/// the MPFR truth.
@Suite struct RichardsonEstimatorTests {
    struct Judged: Sendable {
        let c: EstimatorCorpus.Case
        let estimate: DerivativeEstimate
        var error: Double { abs(estimate.value - c.truth) }
        var relative: Double { c.truth == 0 ? error : error / abs(c.truth) }
        /// The bound holds, or the estimator said it had no trustworthy answer.
        var honest: Bool { estimate.status != .ok || error <= estimate.bound }
    }

    static let judged = EstimatorCorpus.cases.map { Judged(c: $0, estimate: RichardsonEstimator.estimate($0.f, at: $0.x)) }

    /// Where errsweep's estimator stands on the corpus today — the floor it must not fall below,
    /// short of the targets (≥ 97% honest, ≥ 75% with 10 digits, median 16 evaluations),
    /// which the estimate command will be held to when it lands: at least 95% of answers honest
    /// (their bound holds, or their status says they have none), none honest by accident of a
    /// zero bound, a median relative error of at most 5e-13, and at most 40 evaluations.
    @Test func itsBoundsHoldAcrossTheCorpus() {
        let judged = Self.judged
        #expect(judged.count >= 100)
        let honest = judged.filter(\.honest).count
        #expect(Double(honest) >= 0.95 * Double(judged.count), "\(honest) of \(judged.count) honest")
        #expect(!judged.contains { $0.estimate.status == .ok && $0.estimate.bound == 0 && $0.error > 0 })
        let relative = judged.map(\.relative).sorted()
        #expect(relative[relative.count / 2] <= 5e-13, "median \(relative[relative.count / 2])")
        #expect(judged.allSatisfy { $0.estimate.evaluations <= 40 })
        for j in judged where !j.honest {
            print("bound broken: \(j.c.category) \(j.c.formula) at \(j.c.x): \(j.estimate.value) ± \(j.estimate.bound), truth \(j.c.truth)")
        }
    }

    /// Domain edges answer, not NaN: log and sqrt at 1e-6.
    @Test func domainEdgesAnswer() {
        let log = RichardsonEstimator.estimate({ Foundation.log($0) }, at: 1e-6)
        #expect(log.status == .ok && abs(log.value - 1e6) <= log.bound && log.bound < 1e-3)
        let root = RichardsonEstimator.estimate({ $0.squareRoot() }, at: 1e-6)
        #expect(root.status == .ok && abs(root.value - 500) <= root.bound && root.bound < 1e-6)
    }
}
