import ErrSweep
import Foundation
import Testing

/// The V moves with the working precision: h* ∝ ε^(1/2) for forward differences, ε^(1/3) for
/// central, ε^(1/5) for central5 (each from minimising C·hᵏ + c·ε/h: h* ∝ ε^(1/(k+1))).
@Suite struct PrecisionTests {
    static let analysis: SweepAnalysis = {
        let spec = SweepSpec(
            function: Exponential(), points: [1], methods: [.forward, .central, .central5],
            precisions: Precision.available, steps: try! StepGrid(parsing: "1e-0...1e-16").steps(perDecade: 10))
        return SweepAnalysis(spec: spec, rows: SweepRunner.run(spec))
    }()

    static func entry(_ precision: Precision, _ method: DerivativeMethod) -> SweepAnalysis.Entry {
        analysis.entries.first { $0.precision == precision && $0.method == method }!
    }

    /// The same four cases on every platform (a consumer's exhaustive switch compiles on arm and
    /// x86 alike); only what the machine can compute in differs.
    @Test func theCasesAreTheSameEverywhere() {
        #expect(Precision.allCases.map(\.rawValue) == ["float16", "float", "double", "float80"])
        #if arch(x86_64) || arch(i386)
        #expect(Precision.available == Precision.allCases)
        #else
        #expect(Precision.available == [.float16, .float, .double])
        #endif
    }

    /// A format's ulp from its own significand and exponent range, against Swift's own formats'
    /// `ulp` and the published binary16 figures (IEEE 754-2019, Table 3.5: emin = −14, p = 11, so
    /// subnormals 2⁻²⁴ apart). Below Float16's normal range the gap stays 2⁻²⁴, where Double's
    /// least normal would give a gap a million times too small and inflate the baseline's ulps.
    @Test func theUlpOfEachFormat() {
        #expect(Precision.float16.ulp(of: 1e-6) == 0x1p-24)
        #expect(Precision.float16.ulp(of: 1e-6) == Double(Float16(1e-6).ulp))
        #expect(Precision.float16.ulp(of: 1) == 0x1p-10)
        #expect(Precision.float16.ulp(of: -3) == 0x1p-9)
        #expect(Precision.float.ulp(of: 1e-40) == Double(Float.leastNonzeroMagnitude))
        #expect(Precision.float.ulp(of: 0.1) == Double(Float(0.1).ulp))
        #expect(Precision.double.ulp(of: 1e-310) == Double.leastNonzeroMagnitude)
        #expect(Precision.double.ulp(of: 1) == Double.ulpOfOne)
        #expect(Precision.double.ulp(of: 0) == Double.leastNonzeroMagnitude)
        #expect(Precision.float80.ulp(of: 1) == 0x1p-63)
        var compared = 0
        for exponent in stride(from: -30, through: 15, by: 1) {
            let value = Foundation.pow(2.0, Double(exponent)) * 1.375
            #expect(Precision.float16.ulp(of: value) == Double(Float16(value).ulp), "2^\(exponent)·1.375")
            compared += 1
        }
        #expect(compared == 46)
    }

    @Test(arguments: [(DerivativeMethod.forward, 2.0), (.central, 3.0), (.central5, 5.0)])
    func predictedOptimumScalesWithEpsilon(_ method: DerivativeMethod, _ root: Double) {
        let float = Self.entry(.float, method).model!.optimalStep!
        let double = Self.entry(.double, method).model!.optimalStep!
        let expected = pow(Precision.float.epsilon / Precision.double.epsilon, 1 / root)
        #expect(abs(float / double / expected - 1) < 0.05, "\(method): \(float / double) vs \(expected)")
    }

    /// The measured bottom of the V moves the same way, within the factor 5 the model promises.
    @Test(arguments: [DerivativeMethod.forward, .central, .central5])
    func observedOptimumMovesWithEpsilon(_ method: DerivativeMethod) {
        for precision in [Precision.float, .double] {
            let entry = Self.entry(precision, method)
            let predicted = entry.model!.optimalStep!, observed = entry.bottomOfTheV!.h
            #expect(max(predicted / observed, observed / predicted) <= 5, "\(precision) \(method)")
        }
    }

    /// Float16: ε = 2^−10 puts the forward h* near 0.05, and steps below 6e−8 underflow to 0.
    @Test func float16SweepsAndFlagsUnderflow() {
        let forward = Self.entry(.float16, .forward)
        #expect(forward.flagged[.stepUnderflow] ?? 0 > 0)
        #expect(forward.best!.absoluteError < 1e-2)
        #expect(forward.best!.h > 1e-3)
    }

    #if arch(x86_64)
    /// Float80: 11 more bits than Double, so errors at the optimum shrink and AD is near 2^−64.
    @Test func float80ImprovesOnDouble() {
        #expect(Self.entry(.float80, .central).best!.absoluteError < Self.entry(.double, .central).best!.absoluteError / 10)
        #expect(Self.entry(.float80, .forward).truncationSlope.map { abs($0 - 1) < 0.1 } == true)
        let spec = SweepSpec(function: Sigmoid(), points: [2], methods: [.forwardAD], precisions: [.float80], steps: [1e-3])
        let ad = SweepRunner.run(spec)[0]
        #expect(ad.ulps <= 2)
        #expect(ad.relativeError < 4 * Precision.float80.epsilon)
    }
    #endif
}

/// Numerical Recipes §5.7: when x·f′ dominates f, rounding x + h costs more than rounding f, and
/// a representable step h′ = (x+h) − x removes that cost. For e^x at 10 the point term is 10×
/// the sample term, so the bottom of the V drops several-fold; at x = 1 it barely moves.
@Suite struct ExactStepTests {
    static func bottom(_ x: Double, exactStep: Bool) -> Double {
        let spec = SweepSpec(function: Exponential(), points: [x], methods: [.central],
                             steps: try! StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 10), exactStep: exactStep)
        return SweepAnalysis(spec: spec, rows: SweepRunner.run(spec)).entries[0].bottomOfTheV!.error
    }

    @Test func exactStepHelpsWhereThePointRoundingDominates() {
        #expect(Self.bottom(10, exactStep: true) < Self.bottom(10, exactStep: false) / 4)
        #expect(Self.bottom(1, exactStep: true) > Self.bottom(1, exactStep: false) / 4)
    }

    @Test func exactStepsAreRepresentable() {
        let spec = SweepSpec(function: Exponential(), points: [10], methods: [.forward], steps: [1e-3, 1e-7], exactStep: true)
        let rows = SweepRunner.run(spec)
        #expect(rows.count == 2)
        for row in rows {
            #expect((10 + row.h) - 10 == row.h)
        }
    }
}
