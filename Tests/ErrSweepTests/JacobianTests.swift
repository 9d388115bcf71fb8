import Foundation
import Testing

@testable import ErrSweep

/// The Jacobian of f: Rⁿ → Rᵏ: its truth against closed forms and mpmath, every exact method
/// against the truth, the sparse methods against the dense ones, and the work each counts.
@Suite struct JacobianTests {
    func estimate<F: VectorFunction>(_ f: F, _ method: JacobianMethod, at x: [Double]? = nil) -> JacobianEstimate {
        JacobianEvaluator(f).jacobian(method, at: x ?? f.defaultPoint)
    }

    /// A 2 × 3 layer at its own point: (1 − tanh²zᵢ)·Wᵢⱼ with zᵢ = bᵢ + Σⱼ Wᵢⱼxⱼ, computed by
    /// mpmath at 300 bits from the layer's own doubles (W, b and x as their shortest decimals).
    @Test func denseLayerTruthIsMpmaths() {
        let f = DenseLayer(inputs: 3, outputs: 2)
        #expect(f.weights == [0.22483078475927723, 0.5145388092352455, 0.5622511918372054, 0.572537945260612, 0.38997884911888786, 0.02400660664894323])
        #expect(f.defaultPoint == [0.7642691913004849, 0.5573653674777324, 0.21399906289966988])
        let expected = [
            ["0.1463471187781786370248420041681406846487", "0.3349242067173183578846944861917374880185", "0.365981206902213197225176353218228407928"],
            ["0.3572258240919593285620446797018159630538", "0.2433210181231153392703609802678322261638", "0.01497853533518493604263773997157211217755"],
        ]
        let truth = JacobianTruth(f, at: f.defaultPoint).rounded
        for i in 0..<2 { for j in 0..<3 { #expect(truth[i, j] == Double(nearest: big(expected[i][j])), "entry (\(i), \(j))") } }
    }

    /// Broyden's Jacobian in closed form: 3 − 4xᵢ on the diagonal (one rounding in Double, so
    /// correctly rounded), −1 below it, −2 above, nothing else; three colours either way.
    @Test func broydenTruthIsTheClosedForm() {
        let f = BroydenTridiagonal(size: 9), x = f.defaultPoint
        let truth = JacobianTruth(f, at: x)
        #expect(truth.pattern.rows == (0..<9).map { i in Array(max(i - 1, 0)...min(i + 1, 8)) })
        for i in 0..<9 {
            #expect(truth.rounded[i, i] == 3 - 4 * x[i])
            if i > 0 { #expect(truth.rounded[i, i - 1] == -1) }
            if i < 8 { #expect(truth.rounded[i, i + 1] == -2) }
        }
        #expect(truth.pattern.columnColoring().count == 3)
        #expect(truth.pattern.rowColoring().count == 3)
        #expect(truth.pattern.columnColoring().isValid(for: truth.pattern.rows))
    }

    /// The hand-written Helmholtz gradient against reverse AD of the energy itself.
    @Test func helmholtzGradientIsTheEnergysGradient() {
        let f = HelmholtzGradient(size: 7), x = f.defaultPoint
        let byHand: [Double] = f(x)
        let byAD = Tape<Double>().gradient(at: x) { f.energy($0) }
        #expect(byHand.count == 7 && byAD.count == 7)
        for (a, b) in zip(byHand, byAD) { #expect(a.ulpDistance(to: b) <= 64, "\(a) against \(b)") }
    }

    /// Vector mode carries the same operations as scalar mode, eight columns at a time: equal bit
    /// for bit, in ⌈n/8⌉ passes.
    @Test(arguments: [1, 7, 8, 9, 20])
    func vectorModeEqualsScalarMode(_ n: Int) {
        for f in [DenseLayer(inputs: n, outputs: 3) as any VectorFunction, HelmholtzGradient(size: n), NetworkLosses(parameters: n)] {
            let scalar = estimate(f, .forwardAD)
            let vector = estimate(f, .vectorForwardAD)
            #expect(vector.matrix == scalar.matrix, "\(f.name) at n = \(f.inputCount)")
            #expect(vector.evaluations == (f.inputCount + 7) / 8)
        }
    }

    /// The coloured methods read the same entries back: sparse forward AD equals dense forward AD
    /// and sparse reverse AD equals dense reverse AD, exactly; three passes whatever n.
    @Test func sparseMethodsEqualDenseOnes() {
        let f = BroydenTridiagonal(size: 50), x = f.defaultPoint
        let pattern = SparsityPattern.detect(f, at: x)
        let forward = estimate(f, .sparseForwardAD), reverse = estimate(f, .sparseReverseAD)
        #expect(forward.matrix == estimate(f, .forwardAD).matrix.restricted(to: pattern))
        #expect(reverse.matrix == estimate(f, .reverseAD).matrix.restricted(to: pattern))
        #expect(forward.evaluations == 3 && reverse.sweeps == 3 && reverse.evaluations == 1)
        let central = estimate(f, .sparseCentral), denseCentral = estimate(f, .central)
        for i in 0..<50 { for j in pattern.rows[i] { #expect(abs(central.matrix[i, j] - denseCentral.matrix[i, j]) <= 1e-9) } }
    }

    /// At n = 10⁵ the banded Jacobian takes three passes, and every entry is the closed form.
    @Test func bandedJacobianAtAHundredThousand() {
        let n = 100_000, f = BroydenTridiagonal(size: n), x = f.defaultPoint
        let pattern = SparsityPattern.detect(f, at: x)
        #expect(pattern.entryCount == 3 * n - 2)
        let forward = estimate(f, .sparseForwardAD), reverse = estimate(f, .sparseReverseAD)
        #expect(forward.evaluations == 3 && reverse.sweeps == 3)
        var worst = 0.0
        for i in stride(from: 0, to: n, by: 97) {
            for estimate in [forward, reverse] {
                worst = max(worst, estimate.matrix[i, i].ulpDistance(to: 3 - 4 * x[i]))
                if i > 0 { #expect(estimate.matrix[i, i - 1] == -1) }
                if i < n - 1 { #expect(estimate.matrix[i, i + 1] == -2) }
            }
        }
        #expect(worst <= 1)
    }

    /// Reverse mode's work: one recording, a sweep per output.
    @Test func reverseModeSweepsOncePerOutput() {
        let f = DenseLayer(inputs: 5, outputs: 4)
        let reverse = estimate(f, .reverseAD)
        #expect(reverse.evaluations == 1 && reverse.sweeps == 4)
        #expect(estimate(f, .forwardAD).evaluations == 5)
        #expect(estimate(f, .central).evaluations == 10)
        #expect(estimate(f, .forward).evaluations == 6)
        // The work each method states agrees with what it did: 1 recording and 4 backward passes,
        // 5 dual passes, ⌈5/8⌉ = 1 pass of a chunk of tangents, 4·5 estimates.
        func work(_ method: JacobianMethod) -> WorkCount { method.work(inputs: 5, outputs: 4, columnColors: 0, rowColors: 0) }
        #expect(work(.reverseAD) == WorkCount([.recording: 1, .backwardPass: reverse.sweeps]))
        #expect(work(.forwardAD) == WorkCount([.dualPass: estimate(f, .forwardAD).evaluations]))
        #expect(work(.vectorForwardAD).count(of: .vectorDualPass) == estimate(f, .vectorForwardAD).evaluations)
        #expect(work(.central).count(of: .evaluation) == 10 && work(.blackBox).count(of: .estimate) == 20)
    }

    /// Every exact method within its entry's rounding bound everywhere, and within 4 ulps where
    /// the entry is well conditioned (bound ≤ 4 ulps, `JacobianTruth.roundingBounds`), on the
    /// catalog. The dense layers' and Helmholtz's entries all have wider bounds (a sum of n
    /// products, then tanh′ or a logarithm's quotient); the Broyden and network entries do not.
    @Test func exactMethodsOnTheCatalog() {
        let functions: [any VectorFunction] = [
            DenseLayer(inputs: 7, outputs: 5), DenseLayer(inputs: 3, outputs: 9), BroydenTridiagonal(size: 12),
            NetworkLosses(parameters: 19), HelmholtzGradient(size: 6),
        ]
        var conditioned = 0
        for f in functions {
            let comparison = JacobianComparison(f, at: f.defaultPoint, methods: JacobianMethod.allCases.filter(\.isExact))
            for row in comparison.rows {
                if row.worstConditioned != nil { conditioned += 1 }
                #expect((row.worstConditioned?.ulps ?? 0) <= 4, "\(f.name) \(f.inputCount)×\(f.outputCount): \(row.method.rawValue) \(String(describing: row.worstConditioned))")
                #expect(row.withinBound.within == row.withinBound.checked && row.withinBound.checked > 0, "\(f.name): \(row.method.rawValue) \(row.withinBound)")
            }
        }
        #expect(conditioned >= 2 * JacobianMethod.allCases.filter(\.isExact).count)
    }

    /// The same on random lists of smooth expressions in p, q and r that no one has looked at:
    /// every exact method within 4 ulps wherever the rounding bound is ≤ 4 ulps, and within
    /// max(2, bound) everywhere — reverse mode and the complex step too, whose operations are
    /// not the ones the bound was run over. (Measured on four seeds: within max(1, bound).)
    @Test(arguments: [UInt64(26), 2026])
    func exactMethodsOnRandomExpressionLists(_ seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        var conditioned = 0, checked = 0
        for _ in 0..<60 {
            let components = (0..<(1 + Int(random.unit() * 3))).map { _ -> String in
                var formula = EstimatorCorpus.smoothFormula(depth: 3, &random)
                formula = formula.replacing(/\bx\b/) { _ in ["p", "q", "r"][Int(random.unit() * 3)] }
                return formula
            }
            let list = ExpressionList(try ExpressionParser.parseList(components.joined(separator: ", ")))
            let point = list.inputNames.map { _ in ((random.unit() * 4 - 2) * 100).rounded() / 100 }
            let comparison = JacobianComparison(list, at: point, methods: JacobianMethod.allCases.filter(\.isExact))
            let bounds = comparison.truth.roundingBounds
            for row in comparison.rows {
                for (i, ulps) in row.ulps.enumerated() {
                    for (p, error) in ulps.enumerated() where !error.isNaN && comparison.truth.rounded.values[i][p].isNormal {
                        checked += 1
                        #expect(error <= max(2, bounds[i][p]), "\(list.formula) at \(point): \(row.method.rawValue) entry (\(i + 1), \(p + 1)) \(error) ulps, bound \(bounds[i][p])")
                        if bounds[i][p] <= JacobianComparison.wellConditionedBound {
                            conditioned += 1
                            #expect(error <= 4, "\(list.formula) at \(point): \(row.method.rawValue) entry (\(i + 1), \(p + 1)) \(error) ulps")
                        }
                    }
                }
            }
        }
        #expect(conditioned > 150 && checked > 600)
    }

    /// The rounding bound is a bound. d/dx (3x − 0.3)·x = 6x − 0.3; at x = 0.1 (the Double,
    /// 0.1000000000000000055…) it is 0.3000000000000000333…, which rounds to 0.30000000000000004.
    /// Forward AD in Double computes 3·x + (3·x − 0.3) = 0.30000000000000004 + 2^−54 =
    /// 0.3000000000000001, one ulp off: the bound must cover that ulp, and stay a few ulps.
    @Test func roundingBoundCoversTheDoubleEvaluation() throws {
        let list = ExpressionList(try ExpressionParser.parseList("(3*x - 3e-1)*x"))
        let truth = JacobianTruth(list, at: [0.1])
        #expect(try truth.entries[0][0].get().rounded == 0.30000000000000004)
        let forward = JacobianEvaluator(list).jacobian(.forwardAD, at: [0.1]).matrix[0, 0]
        #expect(forward == 0.3000000000000001)
        let bound = truth.roundingBounds[0][0]
        #expect(bound >= 1 && bound < 8, "bound \(bound)")
    }

    /// J·u and vᵀJ by AD and the complex step against the proved products: each component within
    /// its rounding bound (at least 2 ulps).
    @Test(arguments: [NetworkLosses(parameters: 27) as any VectorFunction, DenseLayer(inputs: 9, outputs: 4), HelmholtzGradient(size: 5)])
    func productsAgainstTheProvedOnes(_ f: any VectorFunction) {
        let comparison = JacobianComparison(f, at: f.defaultPoint, methods: [.reverseAD])
        // J·u by forward AD and the complex step, vᵀJ by reverse AD: k, k and n components.
        let exact = comparison.products.filter { $0.method != .central }
        #expect(exact.map(\.ulps.count) == [f.outputCount, f.outputCount, f.inputCount])
        for product in exact {
            #expect(product.roundingBounds.count == product.ulps.count)
            for (ulps, bound) in zip(product.ulps, product.roundingBounds) {
                #expect(ulps <= max(2, bound), "\(f.name): \(product.name) by \(product.method): \(ulps) ulps, bound \(bound)")
            }
        }
    }

    /// A comma inside a function's parentheses separates its arguments, not components.
    @Test func expressionListsSplitAtTheTopLevel() throws {
        let list = try ExpressionParser.parseList("max(p, q), hypot(q, r) + p")
        #expect(list.count == 2)
        #expect(ExpressionList(list).inputNames == ["p", "q", "r"])
        #expect(throws: ExpressionParser.Failure.self) { try ExpressionParser.parseList("p, , q") }
    }
}

/// The library's calls for a user's own vector function.
@Suite struct JacobianLibraryTests {
    /// f(p, q) = (p·q, sin p + q²): J = [[q, p], [cos p, 2q]].
    struct Pair: VectorFunction {
        var name: String { "pair" }
        var formula: String { "p·q, sin p + q²" }
        var inputCount: Int { 2 }
        var outputCount: Int { 2 }
        var defaultPoint: [Double] { [1, 2] }
        func callAsFunction<T: Scalar>(_ x: [T]) -> [T] { [x[0] * x[1], T.sin(x[0]) + x[1] * x[1]] }
    }

    @Test func jacobianAndProductsOfAUsersFunction() {
        let x = [0.5, 3.0]
        #expect(jacobian(of: Pair(), at: x) == [[3, 0.5], [Foundation.cos(0.5), 6]])
        #expect(jacobianVectorProduct(of: Pair(), at: x, [1, 0]) == [3, Foundation.cos(0.5)])
        #expect(vectorJacobianProduct(of: Pair(), at: x, [0, 1]) == [Foundation.cos(0.5), 6])
    }

    /// A right Jacobian passes; one with ∂f₂/∂p written as −cos p fails, and the message names
    /// that entry.
    @Test func checkJacobianNamesTheWrongEntry() {
        let points = [[0.5, 3.0], [-1.25, 0.75]]
        let right = checkJacobian(of: Pair(), jacobian: { x in [[x[1], x[0]], [Foundation.cos(x[0]), 2 * x[1]]] }, at: points)
        #expect(right.passed && right.checked == 8)
        let wrong = checkJacobian(of: Pair(), jacobian: { x in [[x[1], x[0]], [-Foundation.cos(x[0]), 2 * x[1]]] }, at: points)
        #expect(!wrong.passed && wrong.mismatches.count == 2)
        #expect(wrong.description.contains("∂f[1]/∂x[0]"))
    }
}
