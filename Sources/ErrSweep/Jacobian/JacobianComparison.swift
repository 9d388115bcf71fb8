import Foundation

/// A vector function's Jacobian at a point by every method, against the exact Jacobian proved
/// entry by entry (`JacobianTruth`): each entry's error in ulps, the worst entry per method, the
/// passes, evaluations and time it took; and J·u and vᵀJ, the products most users need.
public struct JacobianComparison: Sendable {
    /// One method's Jacobian and what it cost.
    public struct Row: Sendable {
        public var estimate: JacobianEstimate
        /// Ulps from the correctly rounded exact entry, aligned with the truth's pattern; NaN
        /// where an entry has no truth.
        public var ulps: [[Double]]
        /// The entry furthest from the truth.
        public var worst: Entry?
        /// The worst entry among the well-conditioned ones: rounding bound ≤
        /// `wellConditionedBound` ulps (`JacobianTruth.roundingBounds`).
        public var worstConditioned: Entry?
        /// Entries within their rounding bound (error ≤ max(1, bound) ulps), of those with a truth:
        /// every one for an exact method; a difference method's truncation shows here.
        public var withinBound: (within: Int, checked: Int)
        /// The median time of one whole Jacobian, in seconds.
        public var seconds: Double
        /// For the black-box estimator: how many entries' claimed bounds held against the truth.
        public var boundsHeld: (held: Int, checked: Int)?
        public var method: JacobianMethod { estimate.method }
    }

    /// Where an entry is, and how far off.
    public struct Entry: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var ulps: Double
    }

    /// A method left out, and why (its work at this size would take too long).
    public struct Skipped: Sendable {
        public var method: JacobianMethod
        public var reason: String
    }

    /// A product J·u or vᵀJ by one method, against the proved product.
    public struct Product: Sendable {
        /// "J·u" or "vᵀJ".
        public var name: String
        public var method: DerivativeMethod
        public var values: [Double]
        public var ulps: [Double]
        /// Per component: the rounding bound of a Double evaluation, in ulps
        /// (`JacobianTruth.ProvedVector`).
        public var roundingBounds: [Double]
        public var work: WorkCount

        /// The worst component among the well-conditioned ones (bound ≤ `wellConditionedBound`).
        public var worstConditioned: Double {
            zip(ulps, roundingBounds).filter { $0.1 <= JacobianComparison.wellConditionedBound }.map(\.0).filter { !$0.isNaN }.max() ?? .nan
        }
    }

    public let name: String
    public let formula: String
    public let inputNames: [String]
    public let point: [Double]
    public let outputCount: Int
    public let truth: JacobianTruth
    public let columnColoring: Coloring
    public let rowColoring: Coloring
    public let rows: [Row]
    public let skipped: [Skipped]
    public let products: [Product]
    /// The directions of the products: u over the inputs, v over the outputs.
    public let u: [Double], v: [Double]

    /// An entry is well conditioned where a Double evaluation of it can stray by at most this many
    /// ulps by its own roundings (`JacobianTruth.roundingBounds`): an exact method should be
    /// within it there, and is within the bound everywhere.
    public static let wellConditionedBound = 4.0

    /// Every method in `methods` at `point`; a dense method whose work at this size would take
    /// longer than `budget` seconds (judged by f's own time) is skipped and says so.
    public init<Function: VectorFunction>(
        _ f: Function, at point: [Double], methods: [JacobianMethod] = JacobianMethod.dense + JacobianMethod.sparse,
        budget: Double = 20, maximumBits: Int = Truth<Double>.defaultMaximumBits
    ) {
        name = f.name
        formula = f.formula
        inputNames = f.inputNames
        self.point = point
        outputCount = f.outputCount
        let n = f.inputCount, k = f.outputCount
        let pattern = SparsityPattern.detect(f, at: point)
        let truth = JacobianTruth(f, at: point, pattern: pattern, maximumBits: maximumBits)
        self.truth = truth
        columnColoring = pattern.columnColoring()
        rowColoring = pattern.rowColoring()
        let exact = truth.rounded, bounds = truth.roundingBounds
        let evaluator = JacobianEvaluator(f)
        let evaluation = Stopwatch.seconds { _ = f(point) }
        var rows: [Row] = [], skipped: [Skipped] = []
        for method in methods {
            let count = method.evaluations(inputs: n, outputs: k, columnColors: columnColoring.count, rowColors: rowColoring.count)
                + method.sweeps(outputs: k, rowColors: rowColoring.count)
            // A dual or complex pass costs a few evaluations, a ball none of these: 4 is generous.
            let predicted = 4 * Double(count) * evaluation
            if !method.isSparse && (predicted > budget || k * n > 4_000_000) {
                skipped.append(Skipped(method: method, reason: "\(method.work(inputs: n, outputs: k, columnColors: columnColoring.count, rowColors: rowColoring.count)) would take about \(NumberFormat.significant(predicted, digits: 2)) s at n = \(n), k = \(k)"
                    + (columnColoring.count < n ? "; the sparse methods take \(columnColoring.count) passes" : "")))
                continue
            }
            let tape = Tape<Double>()
            var last: JacobianEstimate?
            let seconds = Stopwatch.median(minimumRuns: 3, maximumRuns: 9, budget: 0.2) {
                last = evaluator.jacobian(method, at: point, pattern: pattern, tape: tape)
            }.median
            rows.append(Self.judged(last!, seconds: seconds, pattern: pattern, exact: exact, bounds: bounds))
        }
        self.rows = rows
        self.skipped = skipped
        // The products, along u = (1, 1/2, 1/3, 1/4, …) and v likewise: no component special.
        let u = (0..<n).map { 1 / Double($0 % 4 + 1) }, v = (0..<k).map { 1 / Double($0 % 4 + 1) }
        self.u = u
        self.v = v
        products = Self.products(of: f, at: point, u: u, v: v, truth: truth, evaluator: evaluator)
    }

    /// A method's Jacobian judged against the proved one: its ulps on the pattern, its worst
    /// entries, how many lie within their rounding bound, and whether its own bounds held.
    static func judged(_ estimate: JacobianEstimate, seconds: Double, pattern: SparsityPattern, exact: JacobianMatrix, bounds: [[Double]]) -> Row {
        let onPattern = estimate.matrix.restricted(to: pattern)
        let ulps = pattern.rows.indices.map { i in
            zip(onPattern.values[i], exact.values[i]).map { $0.ulpDistance(to: $1) }
        }
        var row = Row(estimate: estimate, ulps: ulps, withinBound: (0, 0), seconds: seconds)
        for (i, columns) in pattern.rows.enumerated() {
            for (p, j) in columns.enumerated() where !ulps[i][p].isNaN {
                let entry = Entry(row: i, column: j, ulps: ulps[i][p])
                if entry.ulps > row.worst?.ulps ?? -1 { row.worst = entry }
                if bounds[i][p] <= Self.wellConditionedBound, entry.ulps > row.worstConditioned?.ulps ?? -1 { row.worstConditioned = entry }
                row.withinBound.checked += 1
                if entry.ulps <= max(1, bounds[i][p]) { row.withinBound.within += 1 }
            }
        }
        if let bounds = estimate.bounds {
            var held = 0, checked = 0
            for (i, columns) in pattern.rows.enumerated() {
                for (p, j) in columns.enumerated() where !exact.values[i][p].isNaN {
                    checked += 1
                    if Swift.abs(estimate.matrix[i, j] - exact.values[i][p]) <= bounds[i][j] { held += 1 }
                }
            }
            row.boundsHeld = (held, checked)
        }
        return row
    }

    /// J·u by forward AD, the complex step and central differences, and vᵀJ by reverse AD, each
    /// against the proved product.
    static func products<Function: VectorFunction>(
        of f: Function, at point: [Double], u: [Double], v: [Double], truth: JacobianTruth, evaluator: JacobianEvaluator<Function>
    ) -> [Product] {
        let jvpTruth = truth.jacobianVectorProduct(u), vjpTruth = truth.vectorJacobianProduct(v)
        func product(_ name: String, _ method: DerivativeMethod, _ values: [Double], _ exact: JacobianTruth.ProvedVector, _ work: WorkCount) -> Product {
            Product(name: name, method: method, values: values, ulps: zip(values, exact.rounded).map { $0.ulpDistance(to: $1) },
                    roundingBounds: exact.roundingBounds, work: work)
        }
        let central = Stencil.central(derivative: 1, order: 2)
        let h = central.textbookStep(at: point.map(Swift.abs).max() ?? 1)
        let up = zip(point, u).map { $0 + h * $1 }, down = zip(point, u).map { $0 - h * $1 }
        return [
            product("J·u", .forwardAD, evaluator.jacobianVectorProduct(at: point, u), jvpTruth, WorkCount([.dualPass: 1])),
            product("J·u", .complex, evaluator.complexStepProduct(at: point, u), jvpTruth, WorkCount([.complexEvaluation: 1], detail: "h = \(ComplexStep.fixedStep)")),
            product("J·u", .central, zip(f(up), f(down)).map { ($0 - $1) / (2 * h) }, jvpTruth, WorkCount([.evaluation: 2], detail: "h = \(NumberFormat.scientific(h))")),
            product("vᵀJ", .reverseAD, evaluator.vectorJacobianProduct(at: point, v), vjpTruth, WorkCount([.recording: 1, .backwardPass: 1])),
        ]
    }

    /// The comparison as a table: a row per method, then the products, then the entries when
    /// there are few.
    public var text: String {
        let n = point.count, k = outputCount
        var text = "\(name): \(formula)\n"
        text += "n = \(n) inputs, k = \(k) outputs; \(truth.pattern.entryCount) of \(n * k) entries structurally nonzero"
        text += " (columns in \(columnColoring.count) colours, rows in \(rowColoring.count))\n"
        var failures: [String] = []
        for (i, columns) in truth.pattern.rows.enumerated() {
            for (p, j) in columns.enumerated() {
                if case .failure(let failure) = truth.entries[i][p] { failures.append("(\(i + 1), \(j + 1)): \(failure.reason)") }
            }
        }
        let proved = truth.pattern.entryCount - failures.count
        let bits = truth.entries.flatMap { $0 }.compactMap { (try? $0.get())?.bits }.max() ?? 0
        text += failures.isEmpty ? "exact Jacobian: every entry enclosed in an Arb ball and proved correctly rounded (up to \(bits) bits)\n"
            : "exact Jacobian: \(proved) of \(truth.pattern.entryCount) entries proved in Arb balls; no truth at\n"
            + failures.prefix(5).map { "  \($0)\n" }.joined() + (failures.count > 5 ? "  and \(failures.count - 5) more\n" : "")
        // An entry with no truth has no bound either (NaN): not counted as ill-conditioned.
        let illConditioned = truth.roundingBounds.flatMap { $0 }.filter { $0 > Self.wellConditionedBound }.count
        if illConditioned > 0 {
            let limit = NumberFormat.compact(Self.wellConditionedBound)
            text += "\(illConditioned) entries are ill-conditioned: a Double evaluation of them can stray by more than \(limit) ulps by its own roundings\n"
        }
        text += "\n  " + SummaryText.pad("method", 20) + SummaryText.pad("worst ulps", 12) + SummaryText.pad("at", 18)
            + SummaryText.pad("conditioned", 13) + SummaryText.pad("in bound", 11) + SummaryText.pad("evaluations", 13) + SummaryText.pad("sweeps", 8) + SummaryText.pad("time", 11) + "work\n"
        for row in rows {
            let worst = row.worst.map { "(\($0.row + 1), \($0.column + 1))" } ?? "—"
            text += "  " + SummaryText.pad(row.method.rawValue, 20) + SummaryText.pad(NumberFormat.ulps(row.worst?.ulps ?? .nan), 12)
                + SummaryText.pad(worst, 18) + SummaryText.pad(NumberFormat.ulps(row.worstConditioned?.ulps ?? .nan), 13)
                + SummaryText.pad("\(row.withinBound.within)/\(row.withinBound.checked)", 11)
                + SummaryText.pad("\(row.estimate.evaluations)", 13) + SummaryText.pad("\(row.estimate.sweeps)", 8)
                + SummaryText.pad(NumberFormat.duration(row.seconds), 11)
                + "\(row.method.work(inputs: n, outputs: k, columnColors: columnColoring.count, rowColors: rowColoring.count))"
            if let (held, checked) = row.boundsHeld { text += "; bounds held at \(held) of \(checked)" }
            text += "\n"
        }
        for skip in skipped { text += "  " + SummaryText.pad(skip.method.rawValue, 20) + "skipped: \(skip.reason)\n" }
        text += "\n  worst ulps: over every entry; conditioned: over the entries a Double evaluation can miss by ≤ \(NumberFormat.compact(Self.wellConditionedBound)) ulps;"
            + "\n  in bound: entries within that rounding bound (Arb's radius at 53 bits, at least 1 ulp)\n"
        text += "\nproducts, u = (1, 1/2, 1/3, 1/4, …) over the inputs, v likewise over the outputs, against the proved products:\n"
        for product in products {
            text += "  " + SummaryText.pad(product.name, 5) + SummaryText.pad(product.method.rawValue, 12)
                + SummaryText.pad("worst " + NumberFormat.ulps(product.ulps.filter { !$0.isNaN }.max() ?? .nan) + " ulps", 20)
                + SummaryText.pad("conditioned " + NumberFormat.ulps(product.worstConditioned), 22) + "\(product.work)\n"
        }
        if n * k <= 36 {
            text += "\nexact entries (row, column):\n"
            let exact = truth.rounded
            for i in 0..<k {
                text += "  " + (0..<n).map { SummaryText.pad(NumberFormat.exact(exact[i, $0]), 24) }.joined() + "\n"
            }
        }
        return text
    }
}
