import ErrSweep
import Foundation
import Testing

/// AD's own rounding, explained: the three expressions, where autograd loses the same
/// ulps as errsweep (350, 17, 28 in reverse mode), each traced to the chain-rule sum that cancels.
@Suite struct ADErrorExplanationTests {
    static func explain(_ formula: String, at x: Double) throws -> (forward: ADErrorExplanation, reverse: ADErrorExplanation, reverseUlps: Double, forwardUlps: Double) {
        let f = try ExpressionFunction(parsing: formula)
        let truth = try Truth<Double>.derivative(of: f, at: x).get().rounded
        let reverse = AutomaticDerivative.reverse(of: { f($0) }, at: x)
        let forward = AutomaticDerivative.forward(of: { f($0) }, at: x)
        let analysis = ADErrorExplanation.analyse(f.expression, at: [f.variable: x], seeding: f.variable)
        return (analysis[0], analysis[1], reverse.ulpDistance(to: truth), forward.ulpDistance(to: truth))
    }

    /// t/(t+1) at 768: reverse mode sums the adjoint of t over its two uses, 1/(t+1) and
    /// −t/(t+1)², which agree in their first 9–10 bits: d/dt = 1/(t+1)² ≈ 1.69e−6 from terms ≈ 1.3e−3.
    @Test func quotientOfNearlyEqualTerms() throws {
        let e = try Self.explain("t/(t+1)", at: 768)
        let worst = try #require(e.reverse.worst)
        #expect(worst.expression == "t")
        #expect(worst.terms.count == 2)
        // log2(2·(1/769) / (1/769²)) = log2(1538) = 10.59 bits.
        #expect(abs(worst.bitsLost - 10.59) < 0.05)
        // The loss accounts for the error: within the 2^bits the cancellation allows.
        #expect(e.reverseUlps > 8 && e.reverseUlps <= exp2(worst.bitsLost))
        #expect(e.reverse.sentence(ulps: e.reverseUlps).contains("adjoint of `t`"))
        // The running error bound covers both modes' errors, and is not vacuous: within 2^7 (a
        // worst case of every rounding at once, where the roundings measured partly cancel).
        for (mode, ulps) in [(e.reverse, e.reverseUlps), (e.forward, e.forwardUlps)] {
            #expect(ulps <= mode.boundUlps && mode.boundUlps <= 128 * ulps, "\(mode.mode.rawValue): \(ulps) ulps, bound \(mode.boundUlps)")
        }
    }

    /// The explanation follows f′'s sums. A sweep of f″ whose AD is off by more than the
    /// threshold gets no sentence about f′'s cancellation, which would explain another number.
    @Test func aHigherDerivativeIsNotExplainedByFirstDerivativeSums() throws {
        let f = try ExpressionFunction(parsing: "t/(t+1)")
        func sweep(derivative: Int) -> (SweepSpec<ExpressionFunction>, SweepAnalysis) {
            let spec = SweepSpec(function: f, points: [768], methods: [.forwardAD, .reverseAD], steps: Steps([1e-3]), derivative: derivative)
            return (spec, SweepAnalysis(spec: spec, rows: SweepRunner.run(spec)))
        }
        let (first, firstAnalysis) = sweep(derivative: 1)
        #expect(ADErrorExplanation.explanations(spec: first, analysis: firstAnalysis).count >= 1)
        let (second, secondAnalysis) = sweep(derivative: 2)
        let worst = secondAnalysis.entries.compactMap { $0.best?.ulps }.max() ?? 0
        try #require(worst > ADErrorExplanation.explainedAbove, "f″ by AD is off by \(worst) ulps only")
        #expect(ADErrorExplanation.explanations(spec: second, analysis: secondAnalysis).isEmpty)
    }

    @Test(arguments: [("1/x-1/tan(x)", 0.5), ("(-b+sqrt(b*b-0.75))/0.5", 3.0)])
    func everyLargeErrorIsAccountedFor(_ c: (String, Double)) throws {
        let e = try Self.explain(c.0, at: c.1)
        // Both cases cancel: at least one mode is off by more than 8 ulps, so something is compared.
        let large = [(e.reverse, e.reverseUlps), (e.forward, e.forwardUlps)].filter { $0.1 > 8 }
        #expect(large.count >= 1, "\(c.0): no mode is off by more than 8 ulps")
        for (mode, ulps) in large {
            let worst = try #require(mode.worst)
            #expect(ulps <= 4 * exp2(worst.bitsLost), "\(c.0) \(mode.mode): \(ulps) ulps, \(worst.bitsLost) bits at \(worst.expression)")
        }
    }
}

