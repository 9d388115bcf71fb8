/// Reverse mode for functions of several outputs: one recording, then one backward sweep per
/// output (a Jacobian's row), per weighting of the outputs (a vector-Jacobian product), or per
/// colour of rows (a sparse Jacobian compressed). And the structure of the recording: which
/// inputs each output depends on.
extension Tape {
    /// Records f at `point` (the tape emptied first, its memory kept) and calls `body` with the
    /// inputs and outputs, while they are alive.
    @inlinable
    func recording<Result>(
        at point: [Value], of f: ([Tracked<Value>]) -> [Tracked<Value>], _ body: ([Tracked<Value>], [Tracked<Value>]) -> Result
    ) -> Result {
        reset()
        return withExtendedLifetime(self) {
            let inputs = point.map(variable)
            return body(inputs, f(inputs))
        }
    }

    /// The Jacobian of f at `point`, row by row: one recording, then one backward sweep per output
    /// (Griewank & Walther, *Evaluating Derivatives*, §3.3: k sweeps for k outputs, whatever n).
    @inlinable
    public func jacobian(at point: [Value], of f: ([Tracked<Value>]) -> [Tracked<Value>]) -> [[Value]] {
        recording(at: point, of: f) { inputs, outputs in
            outputs.map { gradient(of: $0, withRespectTo: inputs) }
        }
    }

    /// wᵀJ for each weighting in `weights` (k values each), from one recording: a sweep per
    /// weighting. One weighting is a vector-Jacobian product; the colours of rows a compressed
    /// sparse Jacobian.
    @inlinable
    public func vectorJacobianProducts(at point: [Value], _ weights: [[Value]], of f: ([Tracked<Value>]) -> [Tracked<Value>]) -> [[Value]] {
        recording(at: point, of: f) { inputs, outputs in
            weights.map { w in
                backward(from: outputs, weights: w)
                return inputs.map(adjoint(of:))
            }
        }
    }

    /// For each output of f at `point`, the inputs its recording reaches (ascending): the
    /// Jacobian's sparsity pattern as this evaluation saw it. One reverse walk over the tape
    /// carries, per node, the outputs that use it; a branch not taken here is not seen.
    public func dependencies(at point: [Value], of f: ([Tracked<Value>]) -> [Tracked<Value>]) -> [[Int]] {
        recording(at: point, of: f) { inputs, outputs in
            let s = storage.pointee
            var users = [[Int32]](repeating: [], count: Int(s.nodeCount))
            for (row, output) in outputs.enumerated() where output.index >= 0 {
                users[Int(output.index)] = Self.union(users[Int(output.index)], [Int32(row)])
            }
            typealias Kind = TapeNodeKind
            var indexed = s.indexCount
            for node in stride(from: Int(s.nodeCount) - 1, through: 0, by: -1) {
                let kind = s.kinds[node]
                indexed -= Kind.indexed(kind)
                guard !users[node].isEmpty else { continue }
                // Each input where the kind says: that many nodes back, or the next index.
                var next = indexed
                for back in [Kind.first(kind), Kind.second(kind)].prefix(Kind.inputs(kind)) {
                    let i = back == 0 ? Int(s.indices[next]) : node - Int(back)
                    if back == 0 { next += 1 }
                    users[i] = Self.union(users[i], users[node])
                }
            }
            var rows = [[Int]](repeating: [], count: outputs.count)
            for (column, input) in inputs.enumerated() {
                for row in users[Int(input.index)] { rows[Int(row)].append(column) }
            }
            return rows
        }
    }

    /// The union of two ascending lists, ascending.
    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        if a.isEmpty { return b }
        if b.isEmpty || a == b { return a }
        var merged: [Int32] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { merged.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { merged.append(b[j]); j += 1 }
            else { merged.append(a[i]); i += 1; j += 1 }
        }
        return merged
    }
}
