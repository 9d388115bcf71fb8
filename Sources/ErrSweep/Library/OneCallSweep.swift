/// What `sweep(_:at:steps:methods:precisions:derivative:)` measured: every row and their analysis.
public struct SweepResult: Sendable {
    /// One measurement per point, method, precision and step, against the MPFR truth.
    public let rows: [DerivativeMeasurement]
    /// Per point, method and precision: the best step, the error model, fitted orders.
    public let analysis: SweepAnalysis
    /// The function's own `derivative`, where it has one, checked against the truth at every
    /// point of the sweep where it answers (in Double, within 8 ulps); nil where it answers at
    /// none. When it fails, the derivative
    /// written by hand disagrees with the function, and its `description` says where.
    public let derivativeCheck: DerivativeCheck?
}

/// Sweeps a function of another package in one call: every method at every point and step,
/// each error against the exact derivative (forward AD in Arb balls, proved correctly rounded) and
/// split into truncation and rounding, with the analysis errsweep's reports are made from.
///
///     let result = ErrSweep.sweep(Softsign(), at: [0.5, 1])
///     let best = result.analysis.entries.filter { $0.method == .central }.map(\.best)
///
/// With `derivative` K > 1 every method computes f⁽ᴷ⁾ instead (`methods` nil: every method that
/// does), against forward AD nested K deep in MPFR:
///
///     let second = ErrSweep.sweep(Softsign(), at: [0.5, 1], derivative: 2)
///
/// Nothing is written; `SweepJob` writes the table, charts and report when they are wanted.
public func sweep<Function: ScalarFunction>(
    _ function: Function, at points: [Double],
    steps: Steps = StepGrid.standard.steps(perDecade: StepGrid.standardPerDecade),
    methods: [DerivativeMethod]? = nil,
    precisions: [Precision] = [.double],
    derivative: Int = 1
) -> SweepResult {
    let spec = SweepSpec(function: AutomaticallyDifferentiated(function: function), points: points,
                         methods: methods, precisions: precisions, steps: steps, derivative: derivative)
    let rows = SweepRunner.run(spec)
    // Written where it answers at a point of the sweep: checked at those points.
    let answered = points.filter { function.derivative($0 as Double) != nil }
    let written: DerivativeCheck? = answered.isEmpty ? nil
        : checkDerivative(of: function, derivative: { function.derivative($0) ?? .nan }, at: answered)
    return SweepResult(rows: rows, analysis: SweepAnalysis(spec: spec, rows: rows), derivativeCheck: written)
}
