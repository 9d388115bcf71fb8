import ComplexModule

/// Evaluates every method of a spec at every point, step and precision, against the exact truth.
public enum SweepRunner {
    /// All measurements, ordered by precision, point, method, then step as given.
    public static func run(_ spec: SweepSpec) -> [DerivativeMeasurement] {
        spec.precisions.flatMap { precision in
            switch precision {
            case .float16: measure(spec, in: Float16.self)
            case .float: measure(spec, in: Float.self)
            case .double: measure(spec, in: Double.self)
            #if arch(x86_64) || arch(i386)
            case .float80: measure(spec, in: Float80.self)
            #endif
            }
        }
    }

    /// The sweep in one working precision T: each point's truth once, then each (point, method)
    /// on whichever core is free, gathered in order.
    public static func measure<T: WorkingFloat>(_ spec: SweepSpec, in _: T.Type) -> [DerivativeMeasurement] {
        let points = spec.points.map { T($0) }
        let truths = parallelMap(points.count) { index in
            defer { BigFloat.releaseThreadCaches() }
            return Truth.derivative(of: spec.function, at: points[index])
        }
        let anchors = parallelMap(points.count) { index in
            defer { BigFloat.releaseThreadCaches() }
            return spec.splitsErrors ? ErrorSplit.Anchor(of: spec.function, at: points[index], steps: spec.steps.map { T($0) }) : nil
        }
        let methods = spec.methods.count
        return parallelMap(points.count * methods) { unit in
            defer { BigFloat.releaseThreadCaches() }
            let point = unit / methods
            return measure(spec, method: spec.methods[unit % methods], at: points[point], truth: truths[point], anchor: anchors[point])
        }.flatMap { $0 }
    }

    /// One method at one point, over every step.
    static func measure<T: WorkingFloat>(
        _ spec: SweepSpec, method: DerivativeMethod, at x: T, truth: Result<Truth<T>, Truth<T>.Failure>,
        anchor: ErrorSplit.Anchor?
    ) -> [DerivativeMeasurement] {
        let f = spec.function
        // AD has no step: one estimate, repeated on every row of the grid.
        let adEstimate: T? = switch method {
        case .forwardAD: AutomaticDerivative.forward(of: { f($0) }, at: x)
        case .reverseAD: AutomaticDerivative.reverse(of: { f($0) }, at: x)
        default: nil
        }
        return spec.steps.map { step in
            var h = T(step)
            if spec.exactStep, method.stencil != nil { h = (x + h) - x }
            let outcome: (estimate: T, status: MeasurementStatus)
            if let adEstimate {
                outcome = (adEstimate, .ok)
            } else if h == 0 {
                outcome = (.nan, T(step) == 0 ? .stepUnderflow : .stepBelowResolution)
            } else if let stencil = method.stencil {
                let estimate = stencil.apply({ f($0) }, at: x, step: h)
                outcome = (estimate, stencil.stepBelowResolution(at: x, step: h) ? .stepBelowResolution : .ok)
            } else {
                outcome = (ComplexStep.derivative(of: { f($0) }, at: x, step: h), .ok)
            }
            var row = measurement(
                function: f.name, x: x, method: method, h: h,
                estimate: outcome.estimate, status: outcome.status, truth: truth)
            if spec.splitsErrors, case .success(let truth) = truth, row.absoluteError.isFinite {
                row.split = adEstimate != nil
                    ? ErrorSplit.automatic(estimate: outcome.estimate, truth: truth)
                    : ErrorSplit.measure(method: method, of: f, at: x, step: h, estimate: outcome.estimate, anchor: anchor)
            }
            return row
        }
    }

    /// Compares one estimate with the truth.
    static func measurement<T: WorkingFloat>(
        function: String, x: T, method: DerivativeMethod, h: T, estimate: T,
        status: MeasurementStatus, truth: Result<Truth<T>, Truth<T>.Failure>
    ) -> DerivativeMeasurement {
        var row = DerivativeMeasurement(
            function: function, x: Double(x), method: method, precision: T.precision, h: Double(h),
            estimate: WidestFloat(estimate), truth: .nan, absoluteError: .nan, relativeError: .nan,
            ulps: .nan, status: status)
        switch truth {
        case .failure(.domain): row.status = .domain
        case .failure(.pole): row.status = .pole
        case .failure(.undecided): row.status = .truthUndecided
        case .success(let truth):
            row.truth = WidestFloat(truth.rounded)
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
