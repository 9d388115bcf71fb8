import RealModule

/// The record of a computation for reverse-mode automatic differentiation (a Wengert list).
///
/// Every operation on `Tracked` values appends one node: the indices of its (at most two) inputs
/// and the local partial derivative with respect to each. Nodes are appended in evaluation order,
/// which is a topological order of the computational graph, so one loop over the nodes in reverse
/// visits every node after all the nodes that use it. There each node passes its adjoint to its
/// inputs, weighted by the local partials, with `+=`: a value used several times (fan-out) sums
/// the adjoints of all its uses (Griewank & Walther, *Evaluating Derivatives*, §3.2).
///
/// Storage is one buffer of fixed-size nodes that `reset()` empties without freeing, so a tape
/// reused for many gradients allocates nothing per operation once it has grown. Recording is the
/// whole cost of reverse mode, so it touches no class: the buffer, its capacity and its count sit
/// in one `Storage` that `Tracked` values point at directly. An append to an Array held by a class
/// would pay, per operation, for a retain of the class, a dynamic exclusivity check, a uniqueness
/// check and a capacity check — ten times the cost of the store itself.
public final class Tape<Value: Scalar> {
    /// One recorded operation: its (at most two) inputs, −1 where absent (the first below −1 when
    /// its partial is a divisor: `divisorIndex`), the local partial derivative with respect to
    /// each, and its adjoint, which the backward pass accumulates in
    /// place (beside the partials it reads, in the same cache line, and with no array to
    /// allocate per gradient).
    @usableFromInline
    struct Node {
        @usableFromInline var first: Int32
        @usableFromInline var second: Int32
        @usableFromInline var firstPartial: Value
        @usableFromInline var secondPartial: Value
        @usableFromInline var adjoint: Value

        @usableFromInline
        init(first: Int32, second: Int32, firstPartial: Value, secondPartial: Value, adjoint: Value) {
            self.first = first
            self.second = second
            self.firstPartial = firstPartial
            self.secondPartial = secondPartial
            self.adjoint = adjoint
        }
    }

    /// The nodes, where values recorded on this tape append.
    @usableFromInline
    struct Storage {
        @usableFromInline var nodes: UnsafeMutablePointer<Node>
        @usableFromInline var capacity: Int
        @usableFromInline var count = 0
        /// Whether a backward pass has left adjoints that the next one must clear.
        @usableFromInline var adjointsUsed = false

        @usableFromInline
        init(nodes: UnsafeMutablePointer<Node>, capacity: Int) {
            self.nodes = nodes
            self.capacity = capacity
        }

        @inlinable @inline(__always)
        mutating func record(_ a: Int32, _ da: Value, _ b: Int32, _ db: Value) -> Int32 {
            if count == capacity { grow() }
            (nodes + count).initialize(to: Node(first: a, second: b, firstPartial: da, secondPartial: db, adjoint: 0))
            count += 1
            return Int32(truncatingIfNeeded: count - 1)
        }

        /// Doubles the buffer.
        @usableFromInline @inline(never)
        mutating func grow() {
            precondition(capacity < Int(Int32.max), "a tape holds at most 2^31 − 1 operations")
            let larger = UnsafeMutablePointer<Node>.allocate(capacity: 2 * capacity)
            larger.moveInitialize(from: nodes, count: count)
            nodes.deallocate()
            nodes = larger
            capacity *= 2
        }
    }

    @usableFromInline let storage: UnsafeMutablePointer<Storage>

    /// The first input's index, marked so that its partial is read as a divisor: −2 − index.
    /// A derivative 1/d (log, sqrt, a quotient's numerator) is then applied as adjoint/d, one
    /// rounding, rather than adjoint·(1/d), two (see `DerivativeRules`). −1 stays "no input".
    @inlinable @inline(__always)
    static func divisorIndex(_ index: Int32) -> Int32 { -2 - index }

    /// An empty tape with room for `capacity` nodes before it grows.
    @inlinable
    public init(reservingCapacity capacity: Int = 0) {
        let capacity = max(capacity, 16)
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(nodes: .allocate(capacity: capacity), capacity: capacity))
    }

    deinit {
        storage.pointee.nodes.deinitialize(count: storage.pointee.count)
        storage.pointee.nodes.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// The number of nodes recorded.
    @inlinable
    public var count: Int { storage.pointee.count }

    /// Forgets every node but keeps the memory.
    @inlinable
    public func reset() {
        storage.pointee.nodes.deinitialize(count: storage.pointee.count)
        storage.pointee.count = 0
        storage.pointee.adjointsUsed = false
    }

    /// A new independent variable, recorded as a node with no inputs.
    ///
    /// The tape must outlive every value recorded on it: values point into it without retaining
    /// it, which keeps reference counting off the recording path. Hence internal: outside the
    /// library values are recorded only inside `gradient(at:of:)` and `derivative(at:of:)`.
    @inlinable
    func variable(_ value: Value) -> Tracked<Value> {
        Tracked(value, index: storage.pointee.record(-1, 0, -1, 0), tape: storage)
    }

    /// One backward pass from `output`: afterwards each node's adjoint is ∂output/∂node.
    ///
    /// Nodes were recorded in evaluation order, a topological order of the graph, so visiting
    /// them in reverse reaches each node after every node that uses it.
    @inlinable
    func backward(from output: Tracked<Value>) {
        let nodes = storage.pointee.nodes
        if storage.pointee.adjointsUsed {
            for index in 0..<count { nodes[index].adjoint = 0 }
        }
        storage.pointee.adjointsUsed = true
        guard output.index >= 0 else { return }
        nodes[Int(output.index)].adjoint = 1
        for index in stride(from: Int(output.index), through: 0, by: -1) {
            let node = nodes[index]
            if node.first >= 0 {
                nodes[Int(node.first)].adjoint += node.firstPartial * node.adjoint
            } else if node.first < -1 {
                nodes[Int(-2 - node.first)].adjoint += node.adjoint / node.firstPartial
            }
            if node.second >= 0 { nodes[Int(node.second)].adjoint += node.secondPartial * node.adjoint }
        }
    }

    /// ∂output/∂value after `backward(from: output)`: 0 for a constant.
    @inlinable
    func adjoint(of value: Tracked<Value>) -> Value {
        value.index >= 0 ? storage.pointee.nodes[Int(value.index)].adjoint : 0
    }

    /// ∂output/∂variable for each variable, from one backward pass.
    @inlinable
    func gradient(of output: Tracked<Value>, withRespectTo variables: [Tracked<Value>]) -> [Value] {
        backward(from: output)
        return variables.map(adjoint(of:))
    }

    /// The gradient of f at `point`: f is recorded on this tape (emptied first, its memory kept,
    /// as a training loop reuses one tape) with the point's coordinates as inputs, then swept back
    /// once. The recorded values live only inside the call, so none can outlive the tape.
    @inlinable
    public func gradient(at point: [Value], of f: ([Tracked<Value>]) -> Tracked<Value>) -> [Value] {
        reset()
        return withExtendedLifetime(self) {
            let inputs = point.map(variable)
            return gradient(of: f(inputs), withRespectTo: inputs)
        }
    }

    /// f′(x) the same way, for a function of one variable, with no array on the way (an
    /// allocation per call would cost more than the sigmoid's whole recording).
    @inlinable
    public func derivative(at x: Value, of f: (Tracked<Value>) -> Tracked<Value>) -> Value {
        reset()
        return withExtendedLifetime(self) {
            let input = variable(x)
            backward(from: f(input))
            return adjoint(of: input)
        }
    }
}
