@testable import ErrSweep
import Foundation
import Testing

/// errsweep's own black-box estimator held to its targets, judged against the MPFR truth: on
/// the built-in corpus (`EstimatorCorpus`), and on random smooth functions drawn afresh on each
/// run (the seed is printed, so a failure can be replayed with `errsweep estimate --corpus --seed S`).
@Suite struct EstimatorTargetsTests {
    static let corpus = JudgedEstimate.judge(EstimatorCorpus.cases, by: [.errsweep])

    /// The targets: at least 97% honest (the bound holds, or the status says there is no
    /// trustworthy answer), never more than 10× under, never a bound of 0 with an error; a
    /// median relative error of at most 5e-13, 10 digits in at least 75% of cases and 6 in 85%;
    /// a median of at most 16 evaluations and at most 40; bounds a median of at most `limit`
    /// times the true error (the issue's stretch, 30, unless given).
    static func expectTargets(_ all: [JudgedEstimate], _ what: String, boundOverError limit: Double = 30) {
        // A random point can make f′ an exact tie — 4.5·2.362 lies halfway between two doubles —
        // which no ball proves rounded: such a case has no truth and is left out, at most one.
        let judged = all.filter { $0.truth != nil }
        #expect(all.count - judged.count <= 1, "\(what): \(all.count - judged.count) cases without a truth")
        let score = EstimatorScore(algorithm: "errsweep", judged)
        #expect(score.honest >= 0.97, "\(what): honest \(score.honest)")
        #expect(!judged.contains { $0.status == .ok && $0.absoluteError > 10 * $0.bound.double }, "\(what): a bound 10× under")
        #expect(score.zeroBounds == 0, "\(what): a zero bound")
        #expect(score.medianRelativeError <= 5e-13, "\(what): median relative error \(score.medianRelativeError)")
        #expect(score.tenDigits >= 0.75, "\(what): 10 digits in \(score.tenDigits)")
        #expect(score.sixDigits >= 0.85, "\(what): 6 digits in \(score.sixDigits)")
        #expect(score.medianEvaluations <= 16 && score.maximumEvaluations <= 40,
                "\(what): evaluations \(score.medianEvaluations) (\(score.maximumEvaluations))")
        #expect((score.medianBoundOverError ?? .infinity) <= limit, "\(what): bound ÷ error \(String(describing: score.medianBoundOverError))")
        for j in judged where !j.isHonest {
            print("\(what): bound broken: \(j.category) \(j.function) at \(j.x): \(j.value) ± \(j.bound), truth \(String(describing: j.truth))")
        }
    }

    @Test func theCorpusMeetsTheTargets() {
        #expect(Self.corpus.count >= 100)
        #expect(Set(Self.corpus.map(\.category)).count == 9)
        Self.expectTargets(Self.corpus, "corpus")
    }

    @Test func freshRandomSmoothFunctionsMeetTheTargets() {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        print("random smooth functions drawn with seed \(seed)")
        let judged = JudgedEstimate.judge(EstimatorCorpus.randomSmooth(count: 300, seed: seed), by: [.errsweep])
        // Fresh draws are held to the issue's target for bound ÷ error, 100; its stretch, 30, is
        // held on the fixed corpus and on the baseline's seeded set (22 there), since a median
        // near 25 over 300 fresh draws has come out at 30.1.
        Self.expectTargets(judged, "random smooth, seed \(seed)", boundOverError: 100)
    }

    /// Every category is answered honestly, not just the corpus as a whole.
    @Test func everyCategoryIsHonest() {
        for category in EstimatorCorpus.categories {
            let cases = Self.corpus.filter { $0.category == category }
            #expect(!cases.isEmpty && cases.allSatisfy { $0.isHonest }, "\(category): \(cases.count) cases")
        }
    }

    /// Domain edges answer, not NaN: log and sqrt at 1e-6 (f′ = 10⁶ and 500).
    @Test func domainEdgesAnswer() {
        let log = estimateDerivative(of: { Foundation.log($0) }, at: 1e-6)
        #expect(log.status == .ok && abs(log.value - 1e6) <= log.bound && log.bound < 1e-3)
        let root = estimateDerivative(of: { (x: Double) in x.squareRoot() }, at: 1e-6)
        #expect(root.status == .ok && abs(root.value - 500) <= root.bound && root.bound < 1e-6)
    }

    /// Where no trustworthy answer exists, the status says so and the value is not a plausible
    /// number: outside the domain, a derivative beyond Double's range, a quantized f whose
    /// change is below its quantum.
    @Test func noAnswerIsSaidSo() {
        let outside = estimateDerivative(of: { Foundation.log($0) }, at: -1.0)
        #expect(outside.status == .outOfDomain && outside.value.isNaN && outside.bound == .infinity)
        // 1/x at 10⁻³⁰⁰: f is finite nearby, f′ = −10⁶⁰⁰ is not.
        let overflow = estimateDerivative(of: { 1 / $0 }, at: 1e-300)
        #expect(overflow.status == .overflow && overflow.value.isNaN, "\(overflow)")
        // Float(1 + 10⁻⁹x): no change below a step of 60, so none is seen within the steps tried.
        let noise = estimateDerivative(of: { (x: Double) in Double(Float(1 + x * 1e-9)) }, at: 0.5)
        #expect(noise.status != .ok || abs(noise.value - 1e-9) <= noise.bound, "\(noise)")
    }

    /// The ends of Double's range: exp′(709.7) = 1.6549840276802644e308 (mpmath), next to the
    /// largest Double, and (3x)′ = 3 at the least subnormal, 5e-324, each within its bound.
    @Test func theEndsOfTheRange() {
        let large = estimateDerivative(of: { Foundation.exp($0) }, at: 709.7)
        #expect(large.status == .ok && abs(large.value - 1.6549840276802644e308) <= large.bound, "\(large)")
        #expect(large.bound < 1e-9 * 1.6549840276802644e308)
        let tiny = estimateDerivative(of: { 3 * $0 }, at: 5e-324)
        #expect(tiny.status == .ok && abs(tiny.value - 3) <= tiny.bound && tiny.bound < 1e-6, "\(tiny)")
    }

    /// In Float the same algorithm answers with Float's accuracy and a bound that holds:
    /// sin′(0.5) = cos 0.5 = 0.87758256 (to Float).
    @Test func floatIsEstimatedInFloat() {
        let estimate = estimateDerivative(of: { (x: Float) in Float.sin(x) }, at: 0.5)
        let truth = Float(0.8775825618903728)
        #expect(estimate.status == .ok && abs(estimate.value - truth) <= estimate.bound, "\(estimate)")
        #expect(abs(estimate.value - truth) / truth < 1e-4)
    }

    /// The same random smooth functions estimated in Float and Float16, each against the truth
    /// rounded to its own format: every answer honest, and in Float at least four digits in 90%
    /// of cases (ε = 1.2e-7: a difference keeps at most ε^⅔ ≈ 2e-5 of relative accuracy, which
    /// extrapolation improves).
    @Test(arguments: [Precision.float, .float16])
    func lowerPrecisionsAreHonest(_ precision: Precision) {
        let cases = EstimatorCorpus.randomSmooth(count: 150, seed: 11)
        let judged = cases.map { JudgedEstimate.judge(.errsweep, of: $0.function, in: precision, at: $0.x) }
        let dishonest = judged.filter { !$0.isHonest }
        #expect(dishonest.isEmpty, "\(precision): \(dishonest.map { "\($0.function) at \($0.x): \($0.value) ± \($0.bound), truth \(String(describing: $0.truth))" })")
        if precision == .float {
            let fourDigits = judged.filter { $0.relativeError <= 1e-4 }.count
            #expect(Double(fourDigits) >= 0.9 * Double(judged.count), "\(fourDigits) of \(judged.count)")
        }
    }

    /// A gradient by the black box, one axis at a time: ∂(p²q)/∂p = 2pq = 12 and ∂/∂q = p² = 9 at
    /// (3, 2), each within its bound and with its own evaluations.
    @Test func gradientByTheBlackBox() {
        let gradient = estimateGradient(of: { $0[0] * $0[0] * $0[1] }, at: [3.0, 2.0])
        #expect(gradient.count == 2)
        #expect(abs(gradient[0].value - 12) <= gradient[0].bound && gradient[0].bound < 1e-9)
        #expect(abs(gradient[1].value - 9) <= gradient[1].bound && gradient[1].bound < 1e-9)
        #expect(gradient.allSatisfy { $0.status == .ok && $0.evaluations > 2 })
    }
}
