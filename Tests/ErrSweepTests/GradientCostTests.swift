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
            case .hessianVector, .hessian: Issue.record("\(r.method) is not a gradient method")
            }
        }
    }

    /// A method that is not in the default run (the Cauchy contour) computes the gradient by its
    /// scheme's rule: two real and one complex evaluation per component at the five-point
    /// formula's textbook step ε^⅕. Both are of order 4 at that step, but the contour's truncation
    /// is h⁴f⁽⁵⁾/120 against the five-point formula's h⁴f⁽⁵⁾/30 (Lyness & Moler 1967; Fornberg
    /// 1988), and its complex part cancels nothing: it is the more accurate in every component's
    /// worst case.
    @Test(arguments: MultivariateCatalog.functions.map(\.name))
    func theContourGivesTheGradientByItsRule(_ name: String) throws {
        let results = try #require(MultivariateCatalog.measureCost(of: name, sizes: [11, 35], budget: 10, methods: [.derivative(.contour), .derivative(.central5)]))
        #expect(results.count == 4)
        for n in [11, 35].map({ MultivariateCatalog.function(named: name)!.size(near: $0) }) {
            let contour = try #require(results.first { $0.n == n && $0.method == .derivative(.contour) })
            let central5 = try #require(results.first { $0.n == n && $0.method == .derivative(.central5) })
            #expect(contour.maxUlps < central5.maxUlps && contour.maxUlps < 1e6, "\(name) n = \(n): \(contour.maxUlps) against \(central5.maxUlps) ulps")
        }
        #expect(GradientMethod.derivative(.contour).work(35) == "70 evaluations + 35 complex evaluations")
        #expect(GradientMethod.derivative(.contour).evaluations(35) == 105)
        #expect(GradientMethod.derivative(.contour).workFormula == "2n evaluations + n complex evaluations")
    }

    /// The Hessian's methods (`--derivative 2`) give Hv before they are timed: forward-over-reverse,
    /// hyper-dual numbers and the whole Hessian within 64 ulps of the hand-written Hv (of
    /// forward-over-reverse's for the network, which has none), differences of gradients within
    /// what their ε^⅔ allows — all normwise, in ulps of ‖Hv‖∞.
    @Test(arguments: MultivariateCatalog.functions.map(\.name))
    func everySecondOrderMethodGivesHv(_ name: String) throws {
        let results = try #require(MultivariateCatalog.measureCost(of: name, sizes: [11, 35], budget: 10, methods: GradientMethod.secondOrderCases))
        #expect(results.count == 5 * 2)
        for r in results {
            switch r.method {
            case .primal: #expect(r.maxUlps == 0)
            case .hessianVector(.forwardOverReverse) where name == TwoLayerNetwork().name: #expect(r.maxUlps.isNaN)  // the reference itself
            // ε^⅔·‖Hv‖ is about 2¹⁷ ulps of ‖Hv‖∞.
            case .hessianVector(.gradientDifferences): #expect(r.maxUlps < 1e7 && r.maxUlps > 0, "\(name) n = \(r.n): \(r.maxUlps)")
            default: #expect(r.maxUlps <= (name == TwoLayerNetwork().name ? 4096 : 64), "\(name) \(r.method) n = \(r.n): \(r.maxUlps) ulps")
            }
        }
    }

    /// Differences of gradients keep about ε^⅔ of ‖Hv‖: σ″ is 0 at x = 0, where a component of
    /// their Hv is rounding alone, so they are judged against the largest component, not in ulps.
    @Test func gradientDifferencesKeepTwoThirdsOfTheDigits() throws {
        for function in [Rosenbrock(), SigmoidSum()] as [any MultivariateFunction] {
            let x = function.point(35), v = function.direction(35)
            let exact = try #require(function.hessianVector(x, v))
            let differenced = Self.hessianVector(function, .gradientDifferences, x, v)
            let scale = exact.map(abs).max()!
            let worst = zip(differenced, exact).map { abs($0 - $1) }.max()!
            #expect(worst / scale < 1e-8 && worst > 0, "\(function.name): \(worst / scale)")
        }
    }

    static func hessianVector(_ function: some MultivariateFunction, _ method: HessianVectorMethod, _ x: [Double], _ v: [Double]) -> [Double] {
        CostExperiment(function: function, sizes: [x.count], budget: 1).hessianVector(method, x, v)
    }

    /// The hand-written Hessian-vector products against closed forms: Rosenbrock in two
    /// variables has H = [[−400(y − x²) + 800x² + 2, −400x], [−400x, 200]], so H·(1, 1) is (2, 200)
    /// at (0, 0) and (402, −200) at (1, 1); σ″(ln 2) = e(e − 1)/(1 + e)³ with e = 1/2, −2/27.
    @Test func handWrittenHessianVectorProducts() throws {
        #expect(Rosenbrock().hessianVector([0, 0], [1, 1]) == [2, 200])
        #expect(Rosenbrock().hessianVector([1, 1], [1, 1]) == [402, -200])
        let sigma = try #require(SigmoidSum().hessianVector([Foundation.log(2)], [1]))
        #expect(abs(sigma[0] + 2.0 / 27) < 1e-16)
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
