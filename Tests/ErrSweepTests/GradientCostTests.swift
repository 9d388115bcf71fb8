import ErrSweep
import Foundation
import Testing

/// The cost experiment's gradients are right before they are timed: every method against the
/// hand-written gradient, and the hand-written gradient against AD (which derives from f alone).
@Suite struct GradientCostTests {
    @Test(arguments: MultivariateCatalog.functions.map(\.name))
    func everyMethodGivesTheGradient(_ name: String) throws {
        let results = try #require(MultivariateCatalog.measureCost(of: name, sizes: [11, 35], budget: 10))
        // Every method at both sizes; the statement-level tape where the function has statements.
        let hasStatements = name != TwoLayerNetwork().name
        #expect(results.count == (hasStatements ? 11 : 10) * 2)
        for r in results {
            #expect(r.minimum <= r.seconds && r.seconds <= r.maximum && r.repeats >= 1)
            switch r.method {
            case .primal, .analytic: #expect(r.maxUlps == 0)
            case .derivative(.forwardAD), .derivative(.reverseAD), .derivative(.complex), .statementTape:
                #expect(r.maxUlps <= 64, "\(name) \(r.method) n = \(r.n): \(r.maxUlps) ulps")
            case .derivative: #expect(r.maxUlps < 1e12, "\(name) \(r.method): \(r.maxUlps)")
            // errsweep's estimator: about ten digits or better in each component.
            case .blackBox: #expect(r.maxUlps < 1e7, "\(name) \(r.method) n = \(r.n): \(r.maxUlps) ulps")
            }
        }
    }

    /// Rosenbrock's gradient at (1, 1, …, 1) is 0, and at (0, 0) it is (−2, 0).
    @Test func rosenbrockClosedForm() {
        #expect(Rosenbrock().gradient([1, 1, 1, 1]) == [0, 0, 0, 0])
        #expect(Rosenbrock().gradient([0, 0]) == [-2, 0])
        #expect(Rosenbrock()([0.0, 0.0]) == 1)
    }

    /// The network's parameter count comes in whole hidden units: 8H + 3.
    @Test func networkSizes() {
        let network = TwoLayerNetwork()
        #expect(network.size(near: 100) == 99)
        #expect(network.size(near: 5) == 11)
        let experiment = CostExperiment(function: TwoLayerNetwork(), sizes: [10, 12, 100], budget: 1)
        #expect(experiment.sizes == [11, 99])
    }

    /// A method stops growing n at the first run past the budget.
    @Test func budgetStopsGrowth() {
        let results = CostExperiment(function: SigmoidSum(), sizes: [10, 100, 1000], budget: 1e-9, methods: [.primal, .derivative(.reverseAD)]).run()
        #expect(results.map(\.n) == [10, 10])
    }

    /// Forward AD at n = 10⁶ is 10⁶ passes of an O(n) sum, over an hour: predicted from one
    /// evaluation's time, it is not started.
    @Test func aRunPredictedFarPastTheBudgetIsNotStarted() {
        let results = CostExperiment(function: SigmoidSum(), sizes: [10, 1_000_000], budget: 0.05, methods: [.derivative(.forwardAD)]).run()
        #expect(results.map(\.n) == [10])
    }
}
