import ErrSweep
import Foundation
import Testing

@Suite struct ErrorSplitTests {
    /// The sweep's split for the sigmoid at x = 2 in Double, against mpmath's exact quotients at
    /// every one of 151 steps and for every method with a step: the truncation to 6 significant
    /// digits, and the rounding (estimate − D_exact, with mpmath's D_exact) likewise.
    @Test func sigmoidAtTwoMatchesMpmathAcrossTheSweep() throws {
        let steps = Array(Set(sigmoidAtTwoSplit.map(\.h))).sorted(by: >)
        #expect(steps.count == 151)
        let spec = SweepSpec(
            function: Sigmoid(), points: [2], methods: [.forward, .backward, .central, .central5, .complex],
            steps: Steps(steps))
        let rows = SweepRunner.run(spec)
        var compared = 0
        for reference in sigmoidAtTwoSplit {
            let row = try #require(rows.first { $0.method.rawValue == reference.method && $0.h == reference.h })
            let truncation = big(reference.truncation)
            #expect(relativeDifference(BigFloat(row.split.truncation), truncation) < 1e-6,
                    "\(reference.method) h = \(reference.h): truncation \(row.split.truncation) vs \(reference.truncation)")
            let rounding = row.estimate.value(as: Double.self).exact.withPrecision(256) - big(reference.exact)
            #expect(relativeDifference(BigFloat(row.split.rounding), rounding) < 1e-6,
                    "\(reference.method) h = \(reference.h): rounding \(row.split.rounding) vs \(rounding.doubleValue)")
            compared += 1
        }
        #expect(compared == 5 * 151)
    }

    /// estimate − f′(x) = truncation + rounding, up to the two parts' own rounding to Double.
    @Test(arguments: Catalog.names)
    func splitSumsToTheTotal(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        let spec = SweepSpec(function: f, steps: try StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 2))
        var compared = 0
        for row in SweepRunner.run(spec) where row.absoluteError.isFinite {
            let sum = row.split.truncation + row.split.rounding
            let scale = max(abs(row.split.truncation), abs(row.split.rounding))
            #expect(abs(abs(sum) - row.absoluteError) <= 4 * .ulpOfOne * scale + 1e-300,
                    "\(name) x = \(row.x) \(row.method) h = \(row.h)")
            compared += 1
        }
        // Seven methods at 31 steps and at least three points, most of them with a truth.
        #expect(compared >= 7 * 31 * 3 / 2, "\(name): \(compared) rows compared")
    }

    /// The same for random expressions (the well-conditioned generator of the AD property test)
    /// at random points and steps, every method with a step.
    @Test func splitSumsToTheTotalForRandomExpressions() {
        var rng = SplitMix(seed: 31)
        var compared = 0
        for _ in 0..<60 {
            let f = ExpressionFunction(ExpressionDerivativeTests.randomExpression(depth: 3, &rng), variable: "x")
            let x = 0.25 + 1.75 * rng.unit()
            let steps = (0..<3).map { _ in pow(10, -1 - 14 * rng.unit()) }
            let spec = SweepSpec(function: f, points: [x], methods: [.forward, .backward, .central, .central5, .complex], steps: Steps(steps))
            for row in SweepRunner.run(spec) where row.absoluteError.isFinite && row.split.truncation.isFinite {
                let sum = row.split.truncation + row.split.rounding
                let scale = max(abs(row.split.truncation), abs(row.split.rounding))
                #expect(abs(abs(sum) - row.absoluteError) <= 4 * .ulpOfOne * scale + 1e-300,
                        "\(f.formula) x = \(x) \(row.method) h = \(row.h)")
                compared += 1
            }
        }
        #expect(compared > 800)
    }

    /// Complex steps down to 10⁻³⁰⁸, past the smallest normal double: while h·f′(x) is normal
    /// the estimate is within 2 ulps; at h = 10⁻³⁰⁸ the imaginary part σ′(2)·h ≈ 1.05e−309 is
    /// subnormal, held to 2⁻¹⁰⁷⁴ ≈ 4.9e−324 absolute, so the quotient may be off by up to
    /// 4.9e−324 / 1.05e−309 ≈ 4.7e−15 relative, about 42 ulps of 0.105 — and the split says it is
    /// all rounding, and the row is flagged imaginary-underflow.
    @Test func complexStepsDownToSubnormal() {
        let spec = SweepSpec(function: Sigmoid(), points: [2], methods: [.complex], steps: [1e-300, 1e-305, 1e-307, 1e-308])
        let rows = SweepRunner.run(spec)
        #expect(rows.count == 4)
        for row in rows {
            #expect(row.status == (row.h < 2.2250738585072014e-308 / 0.105 ? .imaginaryUnderflow : .ok))
            #expect(row.ulps <= (row.h < 2.2250738585072014e-308 / 0.105 ? 42 : 2), "h = \(row.h): \(row.ulps) ulps")
            #expect(row.split.truncation == 0)
            #expect(abs(row.split.rounding) == row.absoluteError)
        }
    }

    @Test func automaticDifferentiationHasNoTruncation() {
        let spec = SweepSpec(function: Sigmoid(), methods: [.forwardAD, .reverseAD], steps: [1e-3])
        let rows = SweepRunner.run(spec)
        #expect(rows.count == 2 * Sigmoid().defaultPoints.count)
        for row in rows {
            #expect(row.split.truncation == 0)
            #expect(abs(row.split.rounding) == row.absoluteError)
        }
    }

    /// h = 1e−300: x + h needs over 1000 bits, and the split still settles.
    @Test func tinyStepsGrowThePrecision() {
        let split = ErrorSplit.measure(method: .forward, of: Sigmoid(), at: 2.0, step: 1e-300, estimate: 0.0)
        // Forward truncation is h·σ″(2)/2 = 1e−300 × (−0.0799625…)/2.
        #expect(abs(split.truncation / (1e-300 * -0.0799625010561530625 / 2) - 1) < 1e-6)
        #expect(abs(split.rounding + 0.1049935854035065173) < 1e-15)
    }
}
