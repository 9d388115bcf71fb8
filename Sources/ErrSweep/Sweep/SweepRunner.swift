import ComplexModule

/// Evaluates every method of a spec at every point, step and precision, against the exact truth.
public enum SweepRunner {
    /// All measurements, ordered by precision, point, method, then step as given.
    public static func run(_ spec: SweepSpec<some CatalogFunction>) -> [DerivativeMeasurement] {
        var rows: [DerivativeMeasurement] = []
        rows.reserveCapacity(spec.measurementCount)
        stream(spec) { rows += $0 }
        return rows
    }

    /// The sweep, handed to `consume` block by block in the order of `run`: each block is at most
    /// `blockSize` consecutive rows of one precision, point and method. Blocks are measured on
    /// every core, a few at a time, so a sweep holds about `rowsInFlight` rows whatever its size.
    public static func stream(
        _ spec: SweepSpec<some CatalogFunction>, blockSize: Int = 2048, rowsInFlight: Int = 1 << 15,
        _ consume: ([DerivativeMeasurement]) throws -> Void
    ) rethrows {
        for precision in spec.precisions {
            switch precision {
            case .float16: try stream(spec, in: Float16.self, blockSize: blockSize, rowsInFlight: rowsInFlight, consume)
            case .float: try stream(spec, in: Float.self, blockSize: blockSize, rowsInFlight: rowsInFlight, consume)
            case .double: try stream(spec, in: Double.self, blockSize: blockSize, rowsInFlight: rowsInFlight, consume)
            case .float80:
                #if arch(x86_64) || arch(i386)
                try stream(spec, in: Float80.self, blockSize: blockSize, rowsInFlight: rowsInFlight, consume)
                #else
                preconditionFailure("float80 is not available on this machine: check Precision.isAvailable")
                #endif
            }
        }
    }

    /// The sweep in one working precision T: each point's truth and anchor once, then blocks of
    /// (point, method, steps) on whichever core is free, handed on in order.
    static func stream<T: WorkingFloat>(
        _ spec: SweepSpec<some CatalogFunction>, in _: T.Type, blockSize: Int, rowsInFlight: Int,
        _ consume: ([DerivativeMeasurement]) throws -> Void
    ) rethrows {
        let points = spec.points.map { T($0) }
        let truths = parallelMap(points.count) { index in
            defer { BigFloat.releaseThreadCaches() }
            return Truth.derivative(of: spec.function, at: points[index], order: spec.derivative, maximumBits: spec.truthBits)
        }
        let anchors = parallelMap(points.count) { index in
            defer { BigFloat.releaseThreadCaches() }
            return spec.splitsErrors
                ? ErrorSplit.Anchor(of: spec.function, at: points[index], order: spec.derivative, methods: spec.methods,
                                    steps: spec.steps.lazy.map { T($0) })
                : nil
        }
        let steps = spec.steps.count, methods = spec.methods.count
        guard steps > 0 else { return }
        let blocksPerUnit = (steps + blockSize - 1) / blockSize
        let blocks = points.count * methods * blocksPerUnit
        let blocksPerWave = max(1, rowsInFlight / min(blockSize, steps))
        for wave in stride(from: 0, to: blocks, by: blocksPerWave) {
            let count = min(blocksPerWave, blocks - wave)
            let measured = parallelMap(count) { offset in
                defer { BigFloat.releaseThreadCaches() }
                let block = wave + offset, unit = block / blocksPerUnit
                let first = (block % blocksPerUnit) * blockSize
                let point = unit / methods
                return measure(spec, method: spec.methods[unit % methods], at: points[point],
                               steps: spec.steps[first..<min(first + blockSize, steps)],
                               truth: truths[point], anchor: anchors[point])
            }
            for rows in measured { try consume(rows) }
        }
    }

    /// One method at one point, over some steps.
    static func measure<T: WorkingFloat>(
        _ spec: SweepSpec<some CatalogFunction>, method: DerivativeMethod, at x: T, steps: Slice<Steps>,
        truth: Result<Truth<T>, Truth<T>.Failure>, anchor: ErrorSplit.Anchor?
    ) -> [DerivativeMeasurement] {
        let f = spec.function, k = spec.derivative
        precondition(method.computes(derivative: k), "\(method.rawValue) does not compute derivative \(k)")
        let scheme = method.scheme
        // AD has no step: one estimate, repeated on every row of the grid.
        let stepFree = scheme.stepFreeEstimate(derivative: k, of: f, at: x)
        let takesExactSteps = spec.exactStep && scheme.stencil(derivative: k) != nil
        let rounded = try? truth.get().rounded
        return steps.map { step in
            var h = T(step)
            if takesExactSteps { h = (x + h) - x }
            let outcome: (estimate: T, status: MeasurementStatus)
            if let stepFree {
                outcome = (stepFree, .ok)
            } else if h == 0 {
                outcome = (.nan, T(step) == 0 ? .stepUnderflow : .stepBelowResolution)
            } else {
                outcome = scheme.estimate(derivative: k, of: f, at: x, step: h, truth: rounded)
            }
            var row = measurement(
                function: f.name, x: x, method: method, derivative: k, h: h,
                estimate: outcome.estimate, status: outcome.status, truth: truth)
            if spec.splitsErrors, case .success(let truth) = truth, row.absoluteError.isFinite {
                row.split = stepFree != nil
                    ? ErrorSplit.automatic(estimate: outcome.estimate, truth: truth)
                    : ErrorSplit.measure(method: method, derivative: k, of: f, at: x, step: h, estimate: outcome.estimate, anchor: anchor)
            }
            return row
        }
    }

    /// Compares one estimate with the truth.
    static func measurement<T: WorkingFloat>(
        function: String, x: T, method: DerivativeMethod, derivative: Int = 1, h: T, estimate: T,
        status: MeasurementStatus, truth: Result<Truth<T>, Truth<T>.Failure>
    ) -> DerivativeMeasurement {
        var row = DerivativeMeasurement(
            function: function, x: Double(x), method: method, derivative: derivative, precision: T.precision, h: Double(h),
            estimate: WorkingValue(estimate), truth: .nan(T.precision), absoluteError: .nan, relativeError: .nan,
            ulps: .nan, status: status)
        switch truth {
        case .failure(.domain): row.status = .domain
        case .failure(.pole): row.status = .pole
        case .failure(let failure):
            row.status = .truthUnresolved
            row.truthFailure = failure.reason
        case .success(let truth):
            row.truth = WorkingValue(truth.rounded)
            row.truthBits = truth.bits
            if truth.rounded.isInfinite {
                row.status = .overflow
            } else if estimate.isNaN {
                if row.status == .ok { row.status = .domain }
            } else if estimate.isInfinite {
                if row.status == .ok { row.status = .overflow }
            } else {
                let error = (estimate.exact.withPrecision(truth.exact.precision) - truth.exact).magnitude
                row.absoluteError = error.doubleValue
                row.relativeError = truth.exact.isZero ? .nan : (error / truth.exact.magnitude).doubleValue
                row.ulps = estimate.ulpDistance(to: truth.rounded)
            }
        }
        return row
    }
}
