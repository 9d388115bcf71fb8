import ErrSweep
import ErrSweepReports
import Foundation
import Testing

@Suite struct AccuracyCheckTests {
    static let spec = SweepSpec(function: Sigmoid(), points: [2], methods: [.central, .complex, .forwardAD],
                                steps: try! StepGrid(parsing: "1e-1...1e-12").steps(perDecade: 5))
    static let rows = SweepRunner.run(spec)

    static func baseline(_ rows: [DerivativeMeasurement]) -> AccuracyBaseline {
        AccuracyBaseline(analyses: [(spec.function.name, rows, SweepAnalysis(spec: spec, rows: rows))])
    }

    @Test func anUnchangedEnginePasses() {
        let comparison = BaselineComparison(baseline: Self.baseline(Self.rows), current: Self.baseline(Self.rows))
        #expect(comparison.passed)
        #expect(comparison.improvements.isEmpty)
    }

    /// A method made 10× less accurate — every central estimate moved 10× further from the truth
    /// — is caught, and named.
    @Test func aDegradedMethodIsNamed() {
        let degraded = Self.rows.map { row -> DerivativeMeasurement in
            guard row.method == .central else { return row }
            var worse = row
            worse.absoluteError *= 10
            worse.ulps *= 10
            worse.split.rounding *= 10
            worse.split.truncation *= 10
            return worse
        }
        let comparison = BaselineComparison(baseline: Self.baseline(Self.rows), current: Self.baseline(degraded))
        #expect(!comparison.passed)
        #expect(comparison.regressions.allSatisfy { $0.what.contains("central") })
        #expect(comparison.regressions.contains { $0.what == "sigmoid x=2 central double: bottom of the V (ulps)" })
        #expect(comparison.report(tolerance: 2).contains("Accuracy check FAILED"))
        // And the reverse direction is an improvement, not a regression.
        let better = BaselineComparison(baseline: Self.baseline(degraded), current: Self.baseline(Self.rows))
        #expect(better.passed)
        #expect(!better.improvements.isEmpty)
    }

    /// Whose best single error is compared follows the method's error shape: the multicomplex
    /// step and the complex step's f′ sit on a floor, so theirs is; the complex step's f″ and a
    /// stencil have a V, whose best step is luck, so only the bottom of their V is.
    @Test func theBestErrorIsComparedWhereThereIsNoV() throws {
        var base = Self.baseline(Self.rows)
        let template = try #require(base.entries.first { $0.method == .complex })
        func entry(_ method: DerivativeMethod, derivative: Int?) -> AccuracyBaseline.Entry {
            var entry = template
            entry.method = method
            entry.derivative = derivative
            entry.bestUlps = 1
            return entry
        }
        base.entries = [entry(.multicomplex, derivative: 2), entry(.complex, derivative: 2), entry(.complex, derivative: nil), entry(.fornberg(.central, order: 6), derivative: nil)]
        var worse = base
        for index in worse.entries.indices { worse.entries[index].bestUlps = 100 }
        let flagged = BaselineComparison(baseline: base, current: worse).regressions.map(\.what).filter { $0.hasSuffix("best error (ulps)") }
        #expect(Set(flagged) == [base.entries[0].key + ": best error (ulps)", base.entries[2].key + ": best error (ulps)"])
    }

    /// The audit enters the baseline: errsweep's complex step falling back to a complex
    /// arithmetic accurate only in norm (swift-numerics' figures in errsweep's place) is caught.
    @Test func aWorseComplexArithmeticIsARegression() throws {
        let tanh = AuditFunction.all.filter { $0.functionName == "tanh" }
        let base = AccuracyBaseline(analyses: [], numberSystems: NumberSystemAudit.summaries(NumberSystemAudit.run(tanh)))
        let entries = try #require(base.numberSystems)
        var current = base
        current.numberSystems = entries.map { entry in
            guard entry.system == "complex (errsweep)",
                  let library = entries.first(where: { $0.system == "complex (swift-numerics)" && $0.part == entry.part }) else { return entry }
            var worse = entry
            worse.maximumUlps = library.maximumUlps
            worse.medianUlps = library.medianUlps
            return worse
        }
        let comparison = BaselineComparison(baseline: base, current: current)
        #expect(!comparison.passed)
        #expect(comparison.regressions.contains { $0.what == "tanh(x) complex (errsweep): f′ = Im f(x+ih)/h, h=1e-20: maximum (ulps)" })
        #expect(BaselineComparison(baseline: base, current: base).passed)
    }

    /// errsweep's black-box estimator enters the baseline: an estimator as weak as the textbook
    /// step (central-cbrt's score on the corpus in its place) is a regression on each axis it
    /// loses, named; an unchanged one passes.
    @Test func aWorseEstimatorIsARegression() {
        let cases = Array(EstimatorCorpus.cases.prefix(40))
        let judged = JudgedEstimate.judge(cases, by: [.errsweep, .centralCubeRoot])
        let mine = EstimatorScore(algorithm: "errsweep", judged.filter { $0.algorithm == .errsweep })
        let textbook = EstimatorScore(algorithm: "errsweep", judged.filter { $0.algorithm == .centralCubeRoot })
        var base = AccuracyBaseline(analyses: [])
        base.estimators = [.init(cases: "corpus", score: mine)]
        var worse = base
        worse.estimators = [.init(cases: "corpus", score: textbook)]
        let comparison = BaselineComparison(baseline: base, current: worse)
        #expect(!comparison.passed)
        let named = Set(comparison.regressions.map(\.what))
        #expect(named.contains("estimator on the corpus: answers with 10 digits"))
        #expect(named.contains("estimator on the corpus: median relative error"))
        #expect(!named.contains("estimator on the corpus: median evaluations"))  // two evaluations: fewer, not worse
        #expect(BaselineComparison(baseline: base, current: base).passed)
        var gone = base
        gone.estimators = nil
        #expect(!BaselineComparison(baseline: base, current: gone).passed)
    }

    @Test func exactZerosCompareThroughUlps() {
        var old = Self.baseline(Self.rows), new = old
        let i = old.entries.firstIndex { $0.method == .forwardAD }!
        old.entries[i].bestUlps = 0
        new.entries[i].bestUlps = 1
        #expect(BaselineComparison(baseline: old, current: new).passed)  // (1+1)/(0+1) = 2: one bit
        new.entries[i].bestUlps = 3
        #expect(!BaselineComparison(baseline: old, current: new).passed)  // 4: two bits
    }

    @Test func aChangedOrderIsARegression() {
        var new = Self.baseline(Self.rows)
        let i = new.entries.firstIndex { $0.method == .central }!
        new.entries[i].truncationOrder = 1.5
        let comparison = BaselineComparison(baseline: Self.baseline(Self.rows), current: new)
        #expect(comparison.regressions.map(\.what) == ["sigmoid x=2 central double: truncation order"])
    }

    @Test func aMissingEntryIsARegression() {
        var new = Self.baseline(Self.rows)
        new.entries.removeAll { (entry: AccuracyBaseline.Entry) in entry.method == .complex }
        #expect(BaselineComparison(baseline: Self.baseline(Self.rows), current: new).regressions.first?.now == "missing")
    }

    @Test func roundTripsThroughJSON() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        let baseline = Self.baseline(Self.rows)
        try baseline.write(to: url)
        #expect(try AccuracyBaseline.read(url) == baseline)
    }

    @Test func configRejectsNonsense() throws {
        var config = CheckConfig()
        config.functions = [.init(name: "sigmiod")]
        #expect(throws: CheckConfig.Invalid.self) { try config.specs() }
        config.functions = [.init(name: "sigmoid", methods: ["fast"])]
        #expect(throws: CheckConfig.Invalid.self) { try config.specs() }
        config.functions = [.init(name: "sigmoid")]
        config.tolerance = 1
        #expect(throws: CheckConfig.Invalid.self) { try config.specs() }
        config.tolerance = nil
        config.perDecade = 0
        let refusal = #expect(throws: CheckConfig.Invalid.self) { try config.specs() }
        #expect(refusal?.description == "perDecade 0 is out of range; valid: 1 to 1000")
    }
}
