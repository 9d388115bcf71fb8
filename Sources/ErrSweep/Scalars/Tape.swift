import RealModule

/// The record of a computation for reverse-mode automatic differentiation (a Wengert list).
///
/// Every operation on `Tracked` values appends one node: the indices of its inputs and the local
/// partial derivative with respect to each. Nodes are appended in evaluation order, a topological
/// order of the computational graph, so one loop over the nodes in reverse visits every node
/// after all the nodes that use it; there each node passes its adjoint to its inputs, weighted by
/// the local partials, with `+=`: a value used several times (fan-out) sums the adjoints of all
/// its uses (Griewank & Walther, *Evaluating Derivatives*, §3.2).
///
/// The layout is CoDiPack's Jacobian taping (Sagebaum, Albring & Gauger, ACM TOMS 45(4), 2019):
/// at 10⁶ operations a tape's time follows the bytes it writes and reads back, so a node carries
/// only what its operation needs. Two streams hold the nodes — `entries`, per node its inputs'
/// indices then its kind (`TapeNodeKind`), and `partials`, the local partials a kind stores — and
/// the adjoints have an array of their own, which the backward pass alone writes. The ±1
/// partials of sums and differences are implied by the kind, x·x is one input with partial 2x,
/// and an operation with a constant has one input: Rosenbrock takes 184 bytes per input (172
/// for its term's eight operations), where fixed 32-byte nodes of two inputs, two partials and an
/// adjoint took 288.
///
/// `reset()` empties the streams without freeing them, so a tape reused for many gradients
/// allocates nothing once it has grown. Recording touches no class: the streams and their
/// counts sit in one `Storage` that `Tracked` values point at directly. An append to an Array
/// held by a class would pay, per operation, for a retain of the class, a dynamic exclusivity
/// check, a uniqueness check and a capacity check — ten times the cost of the store itself.
public final class Tape<Value: Scalar> {
    /// The streams, where values recorded on this tape append.
    @usableFromInline
    struct Storage {
        /// Per node, its inputs' indices, then its kind.
        @usableFromInline var entries: UnsafeMutablePointer<Int32>
        @usableFromInline var entryCount = 0
        /// Room for this many entries. Every node takes at least one entry and stores at most
        /// two partials per entry, so `partials` has room for twice as many: one check per node,
        /// on `entries`, covers both streams.
        @usableFromInline var entryCapacity: Int
        @usableFromInline var partials: UnsafeMutablePointer<Value>
        @usableFromInline var partialCount = 0
        @usableFromInline var nodeCount: Int32 = 0
        /// The adjoints of the last backward pass, one per node; grown as the nodes are.
        @usableFromInline var adjoints: UnsafeMutablePointer<Value>
        @usableFromInline var adjointCapacity: Int

        @usableFromInline
        init(entryCapacity: Int) {
            self.entryCapacity = entryCapacity
            entries = .allocate(capacity: entryCapacity)
            partials = .allocate(capacity: 2 * entryCapacity)
            adjointCapacity = entryCapacity
            adjoints = .allocate(capacity: entryCapacity)
        }

        /// Appends a node of `inputs` entries and `stored` partials; returns where they go and
        /// the node's index: at most 3 entries and 2 partials.
        @inlinable @inline(__always)
        mutating func append(entries count: Int) -> (entries: UnsafeMutablePointer<Int32>, partials: UnsafeMutablePointer<Value>, index: Int32) {
            if entryCount &+ count > entryCapacity { grow(toHold: count) }
            let slot = (entries + entryCount, partials + partialCount, nodeCount)
            entryCount &+= count
            nodeCount &+= 1
            return slot
        }

        @inlinable @inline(__always)
        mutating func record(_ a: Int32, _ da: Value) -> Int32 {
            let slot = append(entries: 2)
            slot.entries[0] = a
            slot.entries[1] = 1
            (slot.partials).initialize(to: da)
            partialCount &+= 1
            return slot.index
        }

        @inlinable @inline(__always)
        mutating func record(_ a: Int32, kind: Int32) -> Int32 {
            let slot = append(entries: 2)
            slot.entries[0] = a
            slot.entries[1] = kind
            return slot.index
        }

        @inlinable @inline(__always)
        mutating func record(divisor d: Value, of a: Int32) -> Int32 {
            let slot = append(entries: 2)
            slot.entries[0] = a
            slot.entries[1] = TapeNodeKind.divisor
            slot.partials.initialize(to: d)
            partialCount &+= 1
            return slot.index
        }

        @inlinable @inline(__always)
        mutating func record(_ a: Int32, _ b: Int32, kind: Int32) -> Int32 {
            let slot = append(entries: 3)
            slot.entries[0] = a
            slot.entries[1] = b
            slot.entries[2] = kind
            return slot.index
        }

        @inlinable @inline(__always)
        mutating func record(_ a: Int32, _ da: Value, _ b: Int32, _ db: Value, kind: Int32 = 2) -> Int32 {
            let slot = append(entries: 3)
            slot.entries[0] = a
            slot.entries[1] = b
            slot.entries[2] = kind
            slot.partials.initialize(to: da)
            (slot.partials + 1).initialize(to: db)
            partialCount &+= 2
            return slot.index
        }

        @inlinable @inline(__always)
        mutating func recordVariable() -> Int32 {
            let slot = append(entries: 1)
            slot.entries[0] = 0
            return slot.index
        }

        /// Doubles the streams until `count` more entries fit.
        @usableFromInline @inline(never)
        mutating func grow(toHold count: Int) {
            precondition(nodeCount < Int32.max - 1, "a tape holds at most 2^31 − 2 operations")
            var capacity = entryCapacity
            while entryCount + count > capacity { capacity *= 2 }
            let largerEntries = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
            largerEntries.moveInitialize(from: entries, count: entryCount)
            entries.deallocate()
            entries = largerEntries
            let largerPartials = UnsafeMutablePointer<Value>.allocate(capacity: 2 * capacity)
            largerPartials.moveInitialize(from: partials, count: partialCount)
            partials.deallocate()
            partials = largerPartials
            entryCapacity = capacity
        }

        /// Makes room for an adjoint per node, all zero.
        @inlinable
        mutating func clearAdjoints() {
            let count = Int(nodeCount)
            if count > adjointCapacity { growAdjoints(to: count) }
            adjoints.initialize(repeating: 0, count: count)
        }

        @usableFromInline @inline(never)
        mutating func growAdjoints(to count: Int) {
            adjoints.deallocate()
            adjointCapacity = max(count, 2 * adjointCapacity)
            adjoints = .allocate(capacity: adjointCapacity)
        }
    }

    @usableFromInline let storage: UnsafeMutablePointer<Storage>

    /// An empty tape with room for about `capacity` operations before it grows.
    @inlinable
    public init(reservingCapacity capacity: Int = 0) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(entryCapacity: max(3 * capacity, 64)))
    }

    deinit {
        storage.pointee.partials.deinitialize(count: storage.pointee.partialCount)
        storage.pointee.entries.deallocate()
        storage.pointee.partials.deallocate()
        storage.pointee.adjoints.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// The number of nodes recorded.
    @inlinable
    public var count: Int { Int(storage.pointee.nodeCount) }

    /// The bytes the recording takes: its entries and partials, and an adjoint per node.
    public var bytes: Int {
        let s = storage.pointee
        return s.entryCount * MemoryLayout<Int32>.stride + (s.partialCount + Int(s.nodeCount)) * MemoryLayout<Value>.stride
    }

    /// Forgets every node but keeps the memory.
    @inlinable
    public func reset() {
        storage.pointee.partials.deinitialize(count: storage.pointee.partialCount)
        storage.pointee.entryCount = 0
        storage.pointee.partialCount = 0
        storage.pointee.nodeCount = 0
    }

    /// A new independent variable, recorded as a node with no inputs.
    ///
    /// The tape must outlive every value recorded on it: values point into it without retaining
    /// it, which keeps reference counting off the recording path. Hence internal: outside the
    /// library values are recorded only inside `gradient(at:of:)` and `derivative(at:of:)`.
    @inlinable
    func variable(_ value: Value) -> Tracked<Value> {
        Tracked(value, index: storage.pointee.recordVariable(), tape: storage)
    }

    /// One backward pass from `output`: afterwards `adjoint(of:)` each node is ∂output/∂node.
    ///
    /// Nodes were recorded in evaluation order, a topological order of the graph, so visiting
    /// them in reverse reaches each node after every node that uses it. Nodes recorded after
    /// `output` are passed over.
    @inlinable
    func backward(from output: Tracked<Value>) {
        storage.pointee.clearAdjoints()
        guard output.index >= 0 else { return }
        storage.pointee.adjoints[Int(output.index)] = 1
        sweep(from: output.index)
    }

    /// One backward pass seeded with `weights` on `outputs`: afterwards `adjoint(of:)` each node is
    /// Σᵢ weightsᵢ·∂outputsᵢ/∂node — a vector-Jacobian product wᵀJ in one pass (Griewank &
    /// Walther, §3.1). Constant outputs contribute nothing.
    @inlinable
    func backward(from outputs: [Tracked<Value>], weights: [Value]) {
        storage.pointee.clearAdjoints()
        var top: Int32 = -1
        for (output, weight) in zip(outputs, weights) where output.index >= 0 {
            storage.pointee.adjoints[Int(output.index)] += weight
            top = max(top, output.index)
        }
        if top >= 0 { sweep(from: top) }
    }

    /// Propagates the adjoints already seeded back from node `top` to the inputs, passing over
    /// the nodes recorded after it.
    @inlinable @inline(__always)
    func sweep(from top: Int32) {
        let s = storage.pointee
        let entries = s.entries, partials = s.partials, adjoints = s.adjoints
        var e = s.entryCount, p = s.partialCount
        var node = Int(s.nodeCount) - 1
        // Nodes after the output are only stepped over.
        while node > Int(top) {
            let (inputs, stored) = Self.shape(entries[e - 1])
            e -= inputs + 1
            p -= stored
            node -= 1
        }
        while node >= 0 {
            let kind = entries[e - 1]
            let adjoint = adjoints[node]
            switch kind {
            case 0:
                e -= 1
            case 1:
                e -= 2; p -= 1
                adjoints[Int(entries[e])] += partials[p] * adjoint
            case 2:
                e -= 3; p -= 2
                adjoints[Int(entries[e])] += partials[p] * adjoint
                adjoints[Int(entries[e + 1])] += partials[p + 1] * adjoint
            case TapeNodeKind.divisor:
                e -= 2; p -= 1
                adjoints[Int(entries[e])] += adjoint / partials[p]
            case TapeNodeKind.plus:
                e -= 2
                adjoints[Int(entries[e])] += adjoint
            case TapeNodeKind.minus:
                e -= 2
                adjoints[Int(entries[e])] -= adjoint
            case TapeNodeKind.sum:
                e -= 3
                adjoints[Int(entries[e])] += adjoint
                adjoints[Int(entries[e + 1])] += adjoint
            case TapeNodeKind.difference:
                e -= 3
                adjoints[Int(entries[e])] += adjoint
                adjoints[Int(entries[e + 1])] -= adjoint
            case TapeNodeKind.quotient:
                e -= 3; p -= 2
                adjoints[Int(entries[e])] += adjoint / partials[p]
                adjoints[Int(entries[e + 1])] += partials[p + 1] * adjoint
            default:
                preconditionFailure("no node is recorded with kind \(kind)")
            }
            node -= 1
        }
    }

    /// The inputs and stored partials of a node of `kind`.
    @inlinable
    static func shape(_ kind: Int32) -> (inputs: Int, stored: Int) {
        switch kind {
        case TapeNodeKind.divisor: (1, 1)
        case TapeNodeKind.plus, TapeNodeKind.minus: (1, 0)
        case TapeNodeKind.sum, TapeNodeKind.difference: (2, 0)
        case TapeNodeKind.quotient: (2, 2)
        default: (Int(kind), Int(kind))  // 0, 1, 2
        }
    }

    /// ∂output/∂value after `backward(from: output)`: 0 for a constant.
    @inlinable
    func adjoint(of value: Tracked<Value>) -> Value {
        value.index >= 0 ? storage.pointee.adjoints[Int(value.index)] : 0
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

/// What a node is, stored after its inputs' indices: how many inputs, and how each one's
/// partial is had. Kinds 0, 1 and 2 have that many inputs, each with its partial stored (0: an
/// independent variable; 1 and 2 also a statement, `Tracked.statement`).
@usableFromInline
enum TapeNodeKind {
    /// One input, whose stored partial d is a divisor: the adjoint passes on as adjoint/d,
    /// one rounding, rather than adjoint·(1/d), two (see `DerivativeRules`).
    @usableFromInline static let divisor: Int32 = 64
    /// One input with partial +1 (a + c, a − c), nothing stored.
    @usableFromInline static let plus: Int32 = 65
    /// One input with partial −1 (c − a, −a), nothing stored.
    @usableFromInline static let minus: Int32 = 66
    /// a + b: partials +1 and +1.
    @usableFromInline static let sum: Int32 = 67
    /// a − b: partials +1 and −1.
    @usableFromInline static let difference: Int32 = 68
    /// a / b: the first partial the divisor b, the second −(a/b)/b, both stored.
    @usableFromInline static let quotient: Int32 = 69
}
