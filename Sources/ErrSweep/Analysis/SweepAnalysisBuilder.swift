extension SweepAnalysis {
    /// An analysis made as the rows arrive, holding none of them: per point, method and precision
    /// a running best, status counts, two slope fits and the decade-wide window of the bottom of the V — so a sweep of 10⁶
    /// steps is analysed in the memory of one decade's window.
    public struct Builder {
        private struct Key: Hashable {
            var precision: Precision
            var x: Double
            var method: DerivativeMethod

            init(_ row: DerivativeMeasurement) {
                precision = row.precision
                x = row.x
                method = row.method
            }
        }

        private struct Group {
            var entry: Entry
            var bottom: RootMeanSquareMinimum
            var truncationFit = OrderFit()
            var roundingFit = OrderFit()
        }

        private let exactStep: Bool
        private let hIncreases: Bool?
        /// f, f′, …, f⁽⁷⁾ at a point, for the model there; nil for no model.
        private let derivatives: (Double) -> [BigFloat]?
        private var derivativesAt: [Double: [BigFloat]?] = [:]
        private var groups: [Key: Group] = [:]
        /// The group rows are arriving for, out of `groups` while it is.
        private var current: (key: Key, group: Group)?
        private var order: [Key] = []

        /// An analysis of rows measured over `steps`, with the error model at each point made from
        /// `derivatives` (f and its derivatives there, or nil for none), asked once per point. The
        /// analysis evaluates nothing itself: rows read back from a CSV are analysed the same way.
        public init(steps: Steps, exactStep: Bool, derivatives: @escaping (Double) -> [BigFloat]?) {
            self.exactStep = exactStep
            self.derivatives = derivatives
            hIncreases = steps.isMonotone ? (steps.first ?? 0) <= (steps.last ?? 0) : nil
        }

        /// An analysis of `spec`'s rows, with the model from f's derivatives (`HigherDerivatives`,
        /// as deep as the model of the sweep's derivative needs).
        public init(spec: SweepSpec<some CatalogFunction>) {
            let function = spec.function, depth = HigherDerivatives.order(for: spec.derivative, methods: spec.methods)
            self.init(steps: spec.steps, exactStep: spec.exactStep) { x in
                HigherDerivatives.at(BigFloat(x, precision: 320), of: function, through: depth)
            }
        }

        /// Adds rows, in the order `SweepRunner` makes them.
        public mutating func add(_ rows: some Sequence<DerivativeMeasurement>) {
            for row in rows { add(row) }
        }

        /// Adds one row: rows of one point, method and precision come together, steps in sweep
        /// order.
        public mutating func add(_ row: DerivativeMeasurement) {
            let key = Key(row)
            // Rows come in runs of one group: only a change of group touches the dictionary.
            if current?.key != key {
                if let current { groups[current.key] = current.group }
                current = (key, groups.removeValue(forKey: key) ?? startGroup(key, row))
            }
            Self.update(&current!.group, with: row)
        }

        private static func update(_ group: inout Group, with row: DerivativeMeasurement) {
            if row.status != .ok { group.entry.flagged[row.status, default: 0] += 1 }
            if group.entry.truthFailure == nil { group.entry.truthFailure = row.truthFailure }
            if row.absoluteError.isFinite, row.absoluteError < (group.entry.best?.absoluteError ?? .infinity) {
                group.entry.best = row
            }
            group.bottom.add(h: row.h, error: row.absoluteError)
            let split = row.split
            if row.method.usesStep, row.status == .ok, split.truncation.isFinite, split.rounding.isFinite {
                // An order is the slope of one Taylor term: the slope is fitted where one term is
                // ten times the rest (at h = 0.1 the forward f″ formula's h²f⁽⁴⁾·7/12 is still 6%
                // of its h·f‴, enough to bend a fit).
                let oneOrder = group.entry.model?.hasOneOrder(at: row.h) ?? true
                if abs(split.truncation) >= 10 * abs(split.rounding), oneOrder { group.truncationFit.add(h: row.h, error: split.truncation) }
                // A quotient that collapsed to 0 (every sample rounded to the same value) has lost
                // all of f⁽ᴷ⁾ whatever h: its error is flat, a saturation past the V's arm, not the
                // arm's ε/hᴷ growth the slope measures.
                let collapsed = row.estimate.isZero && !row.truth.isZero
                if abs(split.rounding) >= 10 * abs(split.truncation), !collapsed { group.roundingFit.add(h: row.h, error: split.rounding) }
            }
        }

        /// The model for a row's point, method and precision, once a row of them has been added.
        public func model(for row: DerivativeMeasurement) -> ErrorModel? {
            let key = Key(row)
            return current?.key == key ? current?.group.entry.model : groups[key]?.entry.model
        }

        /// The analysis of every row added: best steps, the bottom of each V, the fitted slopes.
        public consuming func finish() -> SweepAnalysis {
            if let current { groups[current.key] = current.group }
            return SweepAnalysis(entries: order.map { key in
                var group = groups[key]!
                group.entry.bottomOfTheV = group.bottom.finish()
                if key.method.usesStep {
                    group.entry.truncationSlope = group.truncationFit.slope
                    group.entry.roundingSlope = group.roundingFit.slope
                }
                return group.entry
            })
        }

        /// A new group, with the model at its point (f's derivatives computed once per point).
        private mutating func startGroup(_ key: Key, _ row: DerivativeMeasurement) -> Group {
            order.append(key)
            let atX = derivativesAt[key.x] ?? {
                let computed = derivatives(key.x)
                derivativesAt[key.x] = computed
                return computed
            }()
            let k = row.derivative
            let model = atX.flatMap { atX in
                atX.count > k && atX[0].isFinite && atX[1].isFinite && atX[k].isFinite
                    ? ErrorModel.make(method: key.method, derivative: k, derivatives: atX, x: key.x,
                                      precision: key.precision, exactStep: exactStep)
                    : nil
            }
            return Group(
                entry: Entry(precision: key.precision, x: key.x, method: key.method, derivative: k, model: model, best: nil, flagged: [:]),
                bottom: RootMeanSquareMinimum(hIncreases: hIncreases))
        }
    }
}
