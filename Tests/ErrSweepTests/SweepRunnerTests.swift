import ErrSweep
import Foundation
import Testing

@Suite struct SweepRunnerTests {
    static let defaultSpec = SweepSpec(
        function: Sigmoid(), steps: try! StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 10))
    static let defaultRows = SweepRunner.run(defaultSpec)

    /// The sweep runs its (point, method) pieces on every core; the rows must be exactly those of
    /// the pieces swept one by one, in order. (Compared as text: a NaN is not == itself.)
    @Test func parallelRowsAreTheSerialRowsInOrder() {
        let spec = Self.defaultSpec
        let serial = spec.precisions.flatMap { precision in
            spec.points.flatMap { x in
                spec.methods.flatMap { method in
                    SweepRunner.run(SweepSpec(function: spec.function, points: [x], methods: [method], precisions: [precision], steps: spec.steps))
                }
            }
        }
        #expect(serial.map { "\($0)" } == Self.defaultRows.map { "\($0)" })
        #expect(SweepRunner.run(spec).map { "\($0)" } == Self.defaultRows.map { "\($0)" })
    }

    /// Streamed in blocks of 7 rows, 20 in flight, the sweep hands on the same rows in the same
    /// order, and no block mixes points, methods or precisions.
    @Test func streamedBlocksAreTheRowsInOrder() {
        var blocks: [[DerivativeMeasurement]] = []
        SweepRunner.stream(Self.defaultSpec, blockSize: 7, rowsInFlight: 20) { blocks.append($0) }
        #expect(blocks.joined().map { "\($0)" } == Self.defaultRows.map { "\($0)" })
        #expect(blocks.allSatisfy { $0.count <= 7 })
        #expect(blocks.allSatisfy { block in
            block.allSatisfy { $0.x == block[0].x && $0.method == block[0].method && $0.precision == block[0].precision }
        })
        // 151 steps in blocks of 7: 21 full blocks and one of 4 per (point, method).
        #expect(blocks.count == 4 * 7 * 22)
    }

    @Test func defaultRunHasEveryRow() {
        #expect(Self.defaultRows.count == 4 * 7 * 151)
        for method in DerivativeMethod.all(derivative: 1) {
            #expect(Self.defaultRows.filter { $0.method == method }.count == 4 * 151)
        }
    }

    @Test func forwardEstimatesAreTheTextbookQuotient() {
        let sigma = { (x: Double) in 1 / (1 + exp(-x)) }
        for row in Self.defaultRows where row.method == .forward {
            let expected = (sigma(row.x + row.h) - sigma(row.x)) / row.h
            #expect(row.estimate.double == expected)
        }
    }

    @Test func adIsWithinTwoUlpsAndComplexStepWithinTwoAtSmallSteps() {
        for row in Self.defaultRows where row.method == .forwardAD || row.method == .reverseAD {
            #expect(row.ulps <= 2, "\(row.method) at \(row.x): \(row.ulps) ulps")
        }
        for row in Self.defaultRows where row.method == .complex && row.h <= 1e-9 {
            #expect(row.ulps <= 2, "complex at \(row.x), h = \(row.h): \(row.ulps) ulps")
        }
    }

    /// h·f′ below the normal range: at h = 5e−324 the imaginary part is 0 and so is the estimate;
    /// the row says why instead of passing as a measurement of the method. σ′(2) = 0.105, so
    /// h = 1e−300 keeps a normal imaginary part and 1e−310 does not.
    @Test func aComplexStepWhoseImaginaryPartUnderflowsIsFlagged() {
        let spec = SweepSpec(function: Sigmoid(), points: [2], methods: [.complex], precisions: [.double], steps: [1e-300, 1e-310, 5e-324])
        let rows = SweepRunner.run(spec)
        #expect(rows.map(\.status) == [.ok, .imaginaryUnderflow, .imaginaryUnderflow])
        #expect(rows[2].estimate.isZero)
    }

    @Test func errorsAreAgainstTheExactTruth() {
        // At x = 0, σ′ = 1/4 exactly, so the forward estimate's error is estimate − 1/4 exactly.
        for row in Self.defaultRows where row.x == 0 && row.method == .forward {
            #expect(row.truth == WorkingValue(0.25))
            #expect(row.absoluteError == abs(row.estimate.double - 0.25))
            #expect(row.relativeError == row.absoluteError * 4)
        }
    }

    @Test func stepBelowResolutionIsFlaggedNotDropped() {
        // At x = 10, x + 1e-16 == x in Double (ulp(10) = 1.8e-15).
        let rows = Self.defaultRows.filter { $0.x == 10 && $0.method == .forward && $0.h < 8.9e-16 }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.status == .stepBelowResolution && $0.estimate.isZero })
    }

    @Test func stepsUnderflowingFloat16AreFlagged() {
        let spec = SweepSpec(function: Sigmoid(), points: [1], methods: [.central], precisions: [.float16], steps: [1e-3, 1e-9])
        let rows = SweepRunner.run(spec)
        #expect(rows[0].status == .ok)
        #expect(rows[1].status == .stepUnderflow)
        #expect(rows[1].estimate.isNaN)
    }

    @Test func domainErrorsAreRecorded() {
        // log at x = 0.1: the backward stencil with h = 0.2 evaluates log(−0.1).
        let spec = SweepSpec(function: Logarithm(), points: [0.1, -1], methods: [.backward], steps: [0.2, 1e-3])
        let rows = SweepRunner.run(spec)
        #expect(rows.map(\.status) == [.domain, .ok, .domain, .domain])
        #expect(abs(rows[1].relativeError) < 1e-2)
    }

    @Test func zeroDerivativeHasNoRelativeError() {
        let spec = SweepSpec(function: Cosine(), points: [0], methods: [.central], steps: [1e-3])
        let row = SweepRunner.run(spec)[0]
        #expect(row.truth.isZero)
        #expect(row.relativeError.isNaN)
        #expect(row.absoluteError == 0)  // the central stencil is odd: cos(h) − cos(−h) = 0
    }

    @Test func everyPrecisionRuns() {
        let spec = SweepSpec(function: Sigmoid(), points: [2], precisions: Precision.available, steps: [1e-2, 1e-4])
        let rows = SweepRunner.run(spec)
        #expect(rows.count == 7 * 2 * Precision.available.count)
        for precision in Precision.available {
            let ad = rows.first { $0.precision == precision && $0.method == .forwardAD }!
            #expect(ad.ulps <= 2, "\(precision)")
            // The AD error is about ε·|f′| in each precision.
            #expect(ad.relativeError <= 4 * precision.epsilon)
        }
    }
}
