/// The record of a computation for reverse-mode automatic differentiation (a Wengert list).
///
/// Every operation on `Tracked` values appends one node: the indices of its (at most two) inputs
/// and the local partial derivative with respect to each. Nodes are appended in evaluation order,
/// which is a topological order of the computational graph, so one loop over the nodes in reverse
/// visits every node after all the nodes that use it. There each node passes its adjoint to its
/// inputs, weighted by the local partials, with `+=`: a value used several times (fan-out) sums
/// the adjoints of all its uses (Griewank & Walther, *Evaluating Derivatives*, §3.2).
///
/// Storage is four flat arrays that `reset()` empties without freeing, so a tape reused for many
/// gradients allocates nothing per operation once it has grown.
public final class Tape<Value: Scalar> {
    /// The first input of each node, or −1.
    private(set) var firstInput: [Int32] = []
    /// The second input of each node, or −1.
    private(set) var secondInput: [Int32] = []
    /// ∂node/∂firstInput.
    private(set) var firstPartial: [Value] = []
    /// ∂node/∂secondInput.
    private(set) var secondPartial: [Value] = []

    public init(reservingCapacity capacity: Int = 0) {
        firstInput.reserveCapacity(capacity)
        secondInput.reserveCapacity(capacity)
        firstPartial.reserveCapacity(capacity)
        secondPartial.reserveCapacity(capacity)
    }

    /// The number of nodes recorded.
    public var count: Int { firstInput.count }

    /// Forgets every node but keeps the memory.
    public func reset() {
        firstInput.removeAll(keepingCapacity: true)
        secondInput.removeAll(keepingCapacity: true)
        firstPartial.removeAll(keepingCapacity: true)
        secondPartial.removeAll(keepingCapacity: true)
    }

    /// A new independent variable, recorded as a node with no inputs.
    ///
    /// The tape must outlive every value recorded on it: values refer to it without retaining it,
    /// which keeps reference counting off the recording path.
    public func variable(_ value: Value) -> Tracked<Value> {
        Tracked(value, index: record(-1, 0, -1, 0), tape: self)
    }

    @inline(__always)
    func record(_ a: Int32, _ da: Value, _ b: Int32, _ db: Value) -> Int32 {
        let index = Int32(truncatingIfNeeded: firstInput.count)
        firstInput.append(a)
        firstPartial.append(da)
        secondInput.append(b)
        secondPartial.append(db)
        return index
    }

    /// The adjoint ∂output/∂node of every node, by one backward pass.
    ///
    /// Index the result with a variable's `index`, or use `gradient(of:withRespectTo:)`.
    public func adjoints(of output: Tracked<Value>) -> [Value] {
        var adjoint = [Value](repeating: 0, count: count)
        guard output.index >= 0 else { return adjoint }
        adjoint[Int(output.index)] = 1
        firstInput.withUnsafeBufferPointer { a in
            secondInput.withUnsafeBufferPointer { b in
                firstPartial.withUnsafeBufferPointer { da in
                    secondPartial.withUnsafeBufferPointer { db in
                        adjoint.withUnsafeMutableBufferPointer { bar in
                            for node in stride(from: Int(output.index), through: 0, by: -1) {
                                let flowing = bar[node]
                                if a[node] >= 0 { bar[Int(a[node])] += da[node] * flowing }
                                if b[node] >= 0 { bar[Int(b[node])] += db[node] * flowing }
                            }
                        }
                    }
                }
            }
        }
        return adjoint
    }

    /// ∂output/∂variable for each variable, from one backward pass.
    public func gradient(of output: Tracked<Value>, withRespectTo variables: [Tracked<Value>]) -> [Value] {
        let adjoint = adjoints(of: output)
        return variables.map { $0.index >= 0 ? adjoint[Int($0.index)] : 0 }
    }
}
