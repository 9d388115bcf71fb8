import ComplexModule
import Foundation

/// A Jacobian as one method computed it: its entries, what it cost, and for the black-box
/// estimator the bound it claims per entry.
public struct JacobianEstimate: Sendable {
    public var method: JacobianMethod
    public var matrix: JacobianMatrix
    /// Evaluations of f in any number system (a recording counts one).
    public var evaluations: Int
    /// Backward sweeps over a recording.
    public var sweeps: Int
    /// The step per column, for the difference methods and the complex step.
    public var steps: [Double]?
    /// The black-box estimator's claimed bound per entry, aligned with `matrix.values`.
    public var bounds: [[Double]]?

    /// The estimate `matrix` by `method`, with what it cost.
    @inlinable
    public init(method: JacobianMethod, matrix: JacobianMatrix, evaluations: Int, sweeps: Int, steps: [Double]? = nil, bounds: [[Double]]? = nil) {
        self.method = method
        self.matrix = matrix
        self.evaluations = evaluations
        self.sweeps = sweeps
        self.steps = steps
        self.bounds = bounds
    }
}

/// Every method's Jacobian of one vector function, with its JVP and VJP.
///
/// Generic over the function's concrete type, as `CostExperiment` is: through an existential
/// every arithmetic operation of f would be a witness-table call, and the timings would measure
/// that dispatch rather than the methods.
public struct JacobianEvaluator<Function: VectorFunction>: Sendable {
    public let function: Function

    /// The methods for `function`.
    @inlinable
    public init(_ function: Function) { self.function = function }

    /// The Jacobian at `x` by `method`; the sparse methods need `pattern` (detected at x when not
    /// given).
    @inlinable
    public func jacobian(_ method: JacobianMethod, at x: [Double], pattern: SparsityPattern? = nil, tape: Tape<Double>? = nil) -> JacobianEstimate {
        let f = function, n = x.count, k = f.outputCount
        func dense(_ rows: [[Double]], evaluations: Int, sweeps: Int = 0, steps: [Double]? = nil) -> JacobianEstimate {
            JacobianEstimate(method: method, matrix: JacobianMatrix(dense: rows, columns: n), evaluations: evaluations, sweeps: sweeps, steps: steps)
        }
        switch method {
        case .forward, .backward, .central, .central5:
            let stencil = method.stencil!
            let steps = x.map(stencil.textbookStep(at:))
            let columns = differenceColumns(stencil, at: x, steps: steps)
            return dense(Self.transpose(columns.values, rows: k), evaluations: columns.evaluations, steps: steps)
        case .complex:
            let h = ComplexStep.fixedStep
            var point = x.map { ComponentwiseComplex($0) }
            let columns = (0..<n).map { j -> [Double] in
                point[j] = ComponentwiseComplex(x[j], h)
                defer { point[j] = ComponentwiseComplex(x[j]) }
                return f(point).map { $0.imaginary / h }
            }
            return dense(Self.transpose(columns, rows: k), evaluations: n, steps: Array(repeating: h, count: n))
        case .forwardAD:
            var point = x.map { Dual($0) }
            let columns = (0..<n).map { j -> [Double] in
                point[j] = Dual(x[j], tangent: 1)
                defer { point[j] = Dual(x[j]) }
                return f(point).map(\.tangent)
            }
            return dense(Self.transpose(columns, rows: k), evaluations: n)
        case .vectorForwardAD:
            var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: k)
            var passes = 0
            for start in stride(from: 0, to: n, by: JacobianMethod.chunk) {
                var point = x.map { ChunkDual($0) }
                for j in start..<min(start + JacobianMethod.chunk, n) { point[j].tangents[j - start] = 1 }
                let outputs = f(point)
                for i in 0..<k {
                    for j in start..<min(start + JacobianMethod.chunk, n) { rows[i][j] = outputs[i].tangents[j - start] }
                }
                passes += 1
            }
            return dense(rows, evaluations: passes)
        case .reverseAD:
            let rows = (tape ?? Tape<Double>()).jacobian(at: x) { f($0) }
            return dense(rows, evaluations: 1, sweeps: rows.count)
        case .blackBox:
            var evaluations = 0
            var rows: [[Double]] = [], bounds: [[Double]] = []
            for i in 0..<k {
                let estimates = estimateGradient(of: { f($0)[i] }, at: x)
                evaluations += estimates.map(\.evaluations).reduce(0, +)
                rows.append(estimates.map(\.value))
                bounds.append(estimates.map(\.bound))
            }
            var estimate = dense(rows, evaluations: evaluations)
            estimate.bounds = bounds
            return estimate
        case .sparseForwardAD, .sparseCentral, .sparseReverseAD:
            return sparse(method, at: x, pattern: pattern ?? SparsityPattern.detect(f, at: x), tape: tape)
        }
    }

    /// A sparse method: one pass per colour, each read back through the pattern.
    @inlinable
    func sparse(_ method: JacobianMethod, at x: [Double], pattern: SparsityPattern, tape: Tape<Double>?) -> JacobianEstimate {
        let f = function
        var values = pattern.rows.map { [Double](repeating: 0, count: $0.count) }
        switch method {
        case .sparseReverseAD:
            let coloring = pattern.rowColoring()
            let groups = coloring.groups
            let weights = groups.map { group -> [Double] in
                var w = [Double](repeating: 0, count: pattern.rowCount)
                for i in group { w[i] = 1 }
                return w
            }
            let products = (tape ?? Tape<Double>()).vectorJacobianProducts(at: x, weights) { f($0) }
            for (color, group) in groups.enumerated() {
                for i in group { for (p, j) in pattern.rows[i].enumerated() { values[i][p] = products[color][j] } }
            }
            return JacobianEstimate(method: method, matrix: JacobianMatrix(pattern: pattern, values: values), evaluations: 1, sweeps: coloring.count)
        default:
            let coloring = pattern.columnColoring()
            let stencil = JacobianMethod.central.stencil!
            let steps = x.map(stencil.textbookStep(at:))
            for group in coloring.groups {
                let column: [Double]
                if method == .sparseForwardAD {
                    var point = x.map { Dual($0) }
                    for j in group { point[j].tangent = 1 }
                    column = f(point).map(\.tangent)
                } else {
                    var up = x, down = x
                    for j in group { up[j] = x[j] + steps[j]; down[j] = x[j] - steps[j] }
                    column = zip(f(up), f(down)).map { $0 - $1 }
                }
                // Each row meets at most one column of the colour: its entry there.
                let color = coloring.colors[group[0]]
                for (i, columns) in pattern.rows.enumerated() {
                    for (p, j) in columns.enumerated() where coloring.colors[j] == color {
                        values[i][p] = method == .sparseForwardAD ? column[i] : column[i] / (2 * steps[j])
                    }
                }
            }
            return JacobianEstimate(
                method: method, matrix: JacobianMatrix(pattern: pattern, values: values),
                evaluations: (method == .sparseForwardAD ? 1 : 2) * coloring.count, sweeps: 0,
                steps: method == .sparseCentral ? steps : nil)
        }
    }

    /// The stencil's columns, column j at step `steps[j]`, f(x) shared by all.
    @inlinable
    func differenceColumns(_ stencil: Stencil, at x: [Double], steps: [Double]) -> (values: [[Double]], evaluations: Int) {
        let f = function
        let centre = stencil.offsets.contains(0) ? f(x) : []
        var point = x, evaluations = centre.isEmpty ? 0 : 1
        let columns = steps.indices.map { j -> [Double] in
            var sum = [Double](repeating: 0, count: function.outputCount)
            for (offset, weight) in zip(stencil.offsets, stencil.weights) {
                point[j] = x[j] + Double(offset) * steps[j]
                let sample = offset == 0 ? centre : f(point)
                if offset != 0 { evaluations += 1 }
                for i in sum.indices { sum[i] += Double(weight) * sample[i] }
            }
            point[j] = x[j]
            return sum.map { $0 / (Double(stencil.denominator) * steps[j]) }
        }
        return (columns, evaluations)
    }

    /// J·u by forward AD: one dual pass seeded with u.
    @inlinable
    public func jacobianVectorProduct(at x: [Double], _ u: [Double]) -> [Double] {
        function(zip(x, u).map { Dual($0, tangent: $1) }).map(\.tangent)
    }

    /// J·u by the complex step along u: Im f(x + ih·u)/h, one complex evaluation.
    @inlinable
    public func complexStepProduct(at x: [Double], _ u: [Double]) -> [Double] {
        let h = ComplexStep.fixedStep
        return function(zip(x, u).map { ComponentwiseComplex($0, h * $1) }).map { $0.imaginary / h }
    }

    /// vᵀJ by reverse AD: one recording, one sweep seeded with v.
    @inlinable
    public func vectorJacobianProduct(at x: [Double], _ v: [Double], tape: Tape<Double>? = nil) -> [Double] {
        (tape ?? Tape<Double>()).vectorJacobianProducts(at: x, [v]) { function($0) }[0]
    }

    /// Rows of k from columns of n.
    @inlinable
    static func transpose(_ columns: [[Double]], rows k: Int) -> [[Double]] {
        (0..<k).map { i in columns.map { $0[i] } }
    }
}
