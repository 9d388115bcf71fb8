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
/// The layout follows CoDiPack's Jacobian taping (Sagebaum, Albring & Gauger, ACM TOMS 45(4),
/// 2019): a tape's time follows the bytes it writes and reads back, so a node carries only what
/// its operation needs. Three streams hold the nodes — `kinds`, one byte per node (`TapeNodeKind`:
/// the operation's shape and where its inputs are), `indices`, the inputs named by index, and
/// `partials`, the local partials its shape stores — and the adjoints have an array of their own,
/// which the backward pass alone writes. The ±1 partials of sums and differences are implied by
/// the kind, x·x is one input with partial 2x, an operation with a constant has one input, and a
/// constant factor or term (c·t, t + c, −t) makes no node at all: the value carries the factor
/// to the next node's partial (`Tracked`).
///
/// Most operations use values computed just before them. An input one, two or three nodes back
/// is named in the kind byte instead of by a 4-byte index, and the backward pass hands its share
/// of the adjoint on in a register (`AdjointWindow`), not through memory, where each node would
/// wait for the last one's store. Rosenbrock takes 119 bytes per input (110 for the six nodes
/// of its term's eight operations), where a node per operation took 129, indices for every
/// input and a 4-byte kind 184, and fixed 32-byte nodes of two inputs, two partials and an
/// adjoint 288.
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
        /// Per node, its kind (`TapeNodeKind`).
        @usableFromInline var kinds: UnsafeMutablePointer<UInt8>
        @usableFromInline var nodeCount: Int32 = 0
        /// Room for this many nodes. A node names at most two inputs by index and stores at most
        /// two partials, so `indices` and `partials` have room for twice as many: one check per
        /// node covers all three streams.
        @usableFromInline var nodeCapacity: Int32
        /// The inputs not named in their node's kind, in recording order.
        @usableFromInline var indices: UnsafeMutablePointer<Int32>
        @usableFromInline var indexCount = 0
        @usableFromInline var partials: UnsafeMutablePointer<Value>
        @usableFromInline var partialCount = 0
        /// The adjoints of the last backward pass, one per node; grown as the nodes are.
        @usableFromInline var adjoints: UnsafeMutablePointer<Value>
        @usableFromInline var adjointCapacity: Int

        @usableFromInline
        init(nodeCapacity: Int32) {
            self.nodeCapacity = nodeCapacity
            kinds = .allocate(capacity: Int(nodeCapacity))
            indices = .allocate(capacity: 2 * Int(nodeCapacity))
            partials = .allocate(capacity: 2 * Int(nodeCapacity))
            adjointCapacity = Int(nodeCapacity)
            adjoints = .allocate(capacity: adjointCapacity)
        }

        /// Starts a node: makes room for it and returns its index.
        @inlinable @inline(__always)
        mutating func newNode() -> Int32 {
            if nodeCount == nodeCapacity { grow() }
            return nodeCount
        }

        /// Where `node` finds `input`, in `TapeNodeKind`'s two bits: 1 to 3 nodes back, or 0 and
        /// the index appended to `indices`.
        @inlinable @inline(__always)
        mutating func locate(_ input: Int32, from node: Int32) -> UInt8 {
            let back = node &- input
            if back <= 3 { return UInt8(truncatingIfNeeded: back) }
            indices[indexCount] = input
            indexCount &+= 1
            return 0
        }

        @inlinable @inline(__always)
        mutating func store(_ partial: Value) {
            (partials + partialCount).initialize(to: partial)
            partialCount &+= 1
        }

        /// Ends a node of `kind` whose first input is located at `first` and second at `second`
        /// (an absent input at 1: never 0, which would mean an index to read).
        @inlinable @inline(__always)
        mutating func finish(_ node: Int32, _ kind: UInt8, first: UInt8 = 1, second: UInt8 = 1) -> Int32 {
            kinds[Int(node)] = kind | first << 4 | second << 6
            nodeCount = node &+ 1
            return node
        }

        /// A node of one input and one stored partial: `scaled` by default, or `divisor`.
        @inlinable @inline(__always)
        mutating func record(_ a: Int32, _ da: Value, kind: UInt8 = TapeNodeKind.scaled) -> Int32 {
            let node = newNode()
            let first = locate(a, from: node)
            store(da)
            return finish(node, kind, first: first)
        }

        @inlinable @inline(__always)
        mutating func record(_ a: Int32, kind: UInt8) -> Int32 {
            let node = newNode()
            return finish(node, kind, first: locate(a, from: node))
        }

        @inlinable @inline(__always)
        mutating func record(divisor d: Value, of a: Int32) -> Int32 { record(a, d, kind: TapeNodeKind.divisor) }

        @inlinable @inline(__always)
        mutating func record(_ a: Int32, _ b: Int32, kind: UInt8) -> Int32 {
            let node = newNode()
            let first = locate(a, from: node), second = locate(b, from: node)
            return finish(node, kind, first: first, second: second)
        }

        @inlinable @inline(__always)
        mutating func record(_ a: Int32, _ da: Value, _ b: Int32, _ db: Value, kind: UInt8 = TapeNodeKind.weighted) -> Int32 {
            let node = newNode()
            let first = locate(a, from: node), second = locate(b, from: node)
            store(da)
            store(db)
            return finish(node, kind, first: first, second: second)
        }

        @inlinable @inline(__always)
        mutating func recordVariable() -> Int32 {
            finish(newNode(), TapeNodeKind.variable)
        }

        /// Doubles the streams.
        @usableFromInline @inline(never)
        mutating func grow() {
            precondition(nodeCapacity <= Int32.max / 2, "a tape holds at most 2^30 operations")
            let capacity = 2 * Int(nodeCapacity), nodes = Int(nodeCount)
            let largerKinds = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            largerKinds.moveInitialize(from: kinds, count: nodes)
            kinds.deallocate()
            kinds = largerKinds
            let largerIndices = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * capacity)
            largerIndices.moveInitialize(from: indices, count: indexCount)
            indices.deallocate()
            indices = largerIndices
            let largerPartials = UnsafeMutablePointer<Value>.allocate(capacity: 2 * capacity)
            largerPartials.moveInitialize(from: partials, count: partialCount)
            partials.deallocate()
            partials = largerPartials
            nodeCapacity = Int32(capacity)
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
        storage.initialize(to: Storage(nodeCapacity: Int32(clamping: max(capacity, 64))))
    }

    deinit {
        storage.pointee.partials.deinitialize(count: storage.pointee.partialCount)
        storage.pointee.kinds.deallocate()
        storage.pointee.indices.deallocate()
        storage.pointee.partials.deallocate()
        storage.pointee.adjoints.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// The number of nodes recorded.
    @inlinable
    public var count: Int { Int(storage.pointee.nodeCount) }

    /// The bytes the recording takes: its kinds, indices and partials, and an adjoint per node.
    public var bytes: Int {
        let s = storage.pointee
        return Int(s.nodeCount) + s.indexCount * MemoryLayout<Int32>.stride + (s.partialCount + Int(s.nodeCount)) * MemoryLayout<Value>.stride
    }

    /// Forgets every node but keeps the memory.
    @inlinable
    public func reset() {
        storage.pointee.partials.deinitialize(count: storage.pointee.partialCount)
        storage.pointee.indexCount = 0
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
    @inlinable @inline(__always)
    func backward(from output: Tracked<Value>) {
        storage.pointee.clearAdjoints()
        guard output.index >= 0 else { return }
        // ∂output/∂(its node): 1, or the factor an unrecorded c·t or t + c carries.
        storage.pointee.adjoints[Int(output.index)] = output.scale
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
            storage.pointee.adjoints[Int(output.index)] += weight * output.scale
            top = max(top, output.index)
        }
        if top >= 0 { sweep(from: top) }
    }

    /// Propagates the adjoints already seeded back from node `top` to the inputs, passing over
    /// the nodes recorded after it.
    @inlinable @inline(__always)
    func sweep(from top: Int32) {
        typealias Kind = TapeNodeKind
        let s = storage.pointee
        let kinds = s.kinds, indices = s.indices, partials = s.partials, adjoints = s.adjoints
        var i = s.indexCount, p = s.partialCount
        var node = Int(s.nodeCount) &- 1
        // Nodes after the output are only stepped over.
        while node > Int(top) {
            i &-= Kind.indexed(kinds[node])
            p &-= Kind.stored(kinds[node])
            node &-= 1
        }
        var pass = BackwardPass(indices: indices, partials: partials, adjoints: adjoints, index: i, partial: p)
        while node >= 0 {
            let adjoint = pass.window.take(adjoints[node])
            adjoints[node] = adjoint
            // One jump on the whole kind byte, 0b(second)(first)(shape): each case with its
            // inputs' places fixed, so no other branch is taken than an index's.
            switch kinds[node] {
            case 0b01_00_0001: pass.scaled(adjoint, first: 0)
            case 0b01_01_0001: pass.scaled(adjoint, first: 1)
            case 0b01_10_0001: pass.scaled(adjoint, first: 2)
            case 0b01_11_0001: pass.scaled(adjoint, first: 3)
            case 0b01_00_0011: pass.divisor(adjoint, first: 0)
            case 0b01_01_0011: pass.divisor(adjoint, first: 1)
            case 0b01_10_0011: pass.divisor(adjoint, first: 2)
            case 0b01_11_0011: pass.divisor(adjoint, first: 3)
            case 0b00_00_0010: pass.weighted(adjoint, first: 0, second: 0)
            case 0b00_01_0010: pass.weighted(adjoint, first: 1, second: 0)
            case 0b00_10_0010: pass.weighted(adjoint, first: 2, second: 0)
            case 0b00_11_0010: pass.weighted(adjoint, first: 3, second: 0)
            case 0b01_00_0010: pass.weighted(adjoint, first: 0, second: 1)
            case 0b01_01_0010: pass.weighted(adjoint, first: 1, second: 1)
            case 0b01_10_0010: pass.weighted(adjoint, first: 2, second: 1)
            case 0b01_11_0010: pass.weighted(adjoint, first: 3, second: 1)
            case 0b10_00_0010: pass.weighted(adjoint, first: 0, second: 2)
            case 0b10_01_0010: pass.weighted(adjoint, first: 1, second: 2)
            case 0b10_10_0010: pass.weighted(adjoint, first: 2, second: 2)
            case 0b10_11_0010: pass.weighted(adjoint, first: 3, second: 2)
            case 0b11_00_0010: pass.weighted(adjoint, first: 0, second: 3)
            case 0b11_01_0010: pass.weighted(adjoint, first: 1, second: 3)
            case 0b11_10_0010: pass.weighted(adjoint, first: 2, second: 3)
            case 0b11_11_0010: pass.weighted(adjoint, first: 3, second: 3)
            case 0b00_00_0100: pass.sum(adjoint, first: 0, second: 0)
            case 0b00_01_0100: pass.sum(adjoint, first: 1, second: 0)
            case 0b00_10_0100: pass.sum(adjoint, first: 2, second: 0)
            case 0b00_11_0100: pass.sum(adjoint, first: 3, second: 0)
            case 0b01_00_0100: pass.sum(adjoint, first: 0, second: 1)
            case 0b01_01_0100: pass.sum(adjoint, first: 1, second: 1)
            case 0b01_10_0100: pass.sum(adjoint, first: 2, second: 1)
            case 0b01_11_0100: pass.sum(adjoint, first: 3, second: 1)
            case 0b10_00_0100: pass.sum(adjoint, first: 0, second: 2)
            case 0b10_01_0100: pass.sum(adjoint, first: 1, second: 2)
            case 0b10_10_0100: pass.sum(adjoint, first: 2, second: 2)
            case 0b10_11_0100: pass.sum(adjoint, first: 3, second: 2)
            case 0b11_00_0100: pass.sum(adjoint, first: 0, second: 3)
            case 0b11_01_0100: pass.sum(adjoint, first: 1, second: 3)
            case 0b11_10_0100: pass.sum(adjoint, first: 2, second: 3)
            case 0b11_11_0100: pass.sum(adjoint, first: 3, second: 3)
            case 0b00_00_0101: pass.difference(adjoint, first: 0, second: 0)
            case 0b00_01_0101: pass.difference(adjoint, first: 1, second: 0)
            case 0b00_10_0101: pass.difference(adjoint, first: 2, second: 0)
            case 0b00_11_0101: pass.difference(adjoint, first: 3, second: 0)
            case 0b01_00_0101: pass.difference(adjoint, first: 0, second: 1)
            case 0b01_01_0101: pass.difference(adjoint, first: 1, second: 1)
            case 0b01_10_0101: pass.difference(adjoint, first: 2, second: 1)
            case 0b01_11_0101: pass.difference(adjoint, first: 3, second: 1)
            case 0b10_00_0101: pass.difference(adjoint, first: 0, second: 2)
            case 0b10_01_0101: pass.difference(adjoint, first: 1, second: 2)
            case 0b10_10_0101: pass.difference(adjoint, first: 2, second: 2)
            case 0b10_11_0101: pass.difference(adjoint, first: 3, second: 2)
            case 0b11_00_0101: pass.difference(adjoint, first: 0, second: 3)
            case 0b11_01_0101: pass.difference(adjoint, first: 1, second: 3)
            case 0b11_10_0101: pass.difference(adjoint, first: 2, second: 3)
            case 0b11_11_0101: pass.difference(adjoint, first: 3, second: 3)
            case 0b00_00_0110: pass.quotient(adjoint, first: 0, second: 0)
            case 0b00_01_0110: pass.quotient(adjoint, first: 1, second: 0)
            case 0b00_10_0110: pass.quotient(adjoint, first: 2, second: 0)
            case 0b00_11_0110: pass.quotient(adjoint, first: 3, second: 0)
            case 0b01_00_0110: pass.quotient(adjoint, first: 0, second: 1)
            case 0b01_01_0110: pass.quotient(adjoint, first: 1, second: 1)
            case 0b01_10_0110: pass.quotient(adjoint, first: 2, second: 1)
            case 0b01_11_0110: pass.quotient(adjoint, first: 3, second: 1)
            case 0b10_00_0110: pass.quotient(adjoint, first: 0, second: 2)
            case 0b10_01_0110: pass.quotient(adjoint, first: 1, second: 2)
            case 0b10_10_0110: pass.quotient(adjoint, first: 2, second: 2)
            case 0b10_11_0110: pass.quotient(adjoint, first: 3, second: 2)
            case 0b11_00_0110: pass.quotient(adjoint, first: 0, second: 3)
            case 0b11_01_0110: pass.quotient(adjoint, first: 1, second: 3)
            case 0b11_10_0110: pass.quotient(adjoint, first: 2, second: 3)
            case 0b11_11_0110: pass.quotient(adjoint, first: 3, second: 3)
            default:
                break  // a variable
            }
            node &-= 1
        }
    }

    /// ∂output/∂variable after `backward(from: output)`, for a variable (a node of scale 1): 0
    /// for a constant.
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

/// What a node is, in one byte: its shape in the low four bits — how many inputs, and how each
/// one's partial is had — and where each input is in two bits apiece (bits 4–5 the first, 6–7
/// the second): 1, 2 or 3 for that many nodes back, 0 for an index in the `indices` stream.
@usableFromInline
enum TapeNodeKind {
    /// An independent variable: no inputs.
    @usableFromInline static let variable: UInt8 = 0
    /// One input, its partial stored (also a statement of one argument, `Tracked.statement`).
    @usableFromInline static let scaled: UInt8 = 1
    /// Two inputs, both partials stored (also a statement of two arguments).
    @usableFromInline static let weighted: UInt8 = 2
    /// One input, whose stored partial d is a divisor: the adjoint passes on as adjoint/d,
    /// one rounding, rather than adjoint·(1/d), two (see `DerivativeRules`).
    @usableFromInline static let divisor: UInt8 = 3
    /// a + b: partials +1 and +1. (a + c, c − a and −a record nothing: `Tracked.scale`.)
    @usableFromInline static let sum: UInt8 = 4
    /// a − b: partials +1 and −1.
    @usableFromInline static let difference: UInt8 = 5
    /// a / b: the first partial the divisor b, the second −(a/b)/b, both stored.
    @usableFromInline static let quotient: UInt8 = 6

    @inlinable @inline(__always)
    static func shape(_ kind: UInt8) -> UInt8 { kind & 15 }

    /// How many nodes back the first input is, or 0 where it is named by index.
    @inlinable @inline(__always)
    static func first(_ kind: UInt8) -> UInt8 { kind >> 4 & 3 }

    @inlinable @inline(__always)
    static func second(_ kind: UInt8) -> UInt8 { kind >> 6 }

    /// The inputs of a node of this kind: two bits per shape, shape 0 lowest.
    @inlinable @inline(__always)
    static func inputs(_ kind: UInt8) -> Int { 0b10_10_10_01_10_01_00 >> (2 &* Int(shape(kind))) & 3 }

    /// The partials it stores, likewise.
    @inlinable @inline(__always)
    static func stored(_ kind: UInt8) -> Int { 0b10_00_00_01_10_01_00 >> (2 &* Int(shape(kind))) & 3 }

    /// The inputs it names by index, not by distance.
    @inlinable @inline(__always)
    static func indexed(_ kind: UInt8) -> Int { (first(kind) == 0 ? 1 : 0) &+ (second(kind) == 0 ? 1 : 0) }
}

/// The adjoint shares bound for the three nodes the backward pass visits next, held in registers:
/// a node hands its inputs' shares on here instead of through the adjoint array, so a chain of
/// operations does not wait on a store and a load per link.
@usableFromInline
struct AdjointWindow<Value: Scalar> {
    /// The shares bound for the next node, the one after it, and the one after that.
    @usableFromInline var next: Value = 0, nextButOne: Value = 0, third: Value = 0

    @inlinable
    init() {}

    /// The node's whole adjoint — what its users stored plus what the window holds for it — and
    /// the window moved on by one node.
    @inlinable @inline(__always)
    mutating func take(_ stored: Value) -> Value {
        let adjoint = stored + next
        next = nextButOne
        nextButOne = third
        third = 0
        return adjoint
    }

    /// Adds `share` to the input `back` nodes back, or where that is 0, to node `index`'s adjoint.
    @inlinable @inline(__always)
    mutating func add(_ share: Value, back: UInt8, else index: Int32, in adjoints: UnsafeMutablePointer<Value>) {
        switch back {
        case 1: next += share
        case 2: nextButOne += share
        case 3: third += share
        default: adjoints[Int(index)] += share
        }
    }
}

/// The backward pass's state between nodes: where the indices and partials read next end, and
/// the shares bound for the next three nodes. Each operation passes its adjoint to its inputs;
/// called with `first` and `second` as literals, every test on them folds away.
@usableFromInline
struct BackwardPass<Value: Scalar> {
    @usableFromInline let indices: UnsafeMutablePointer<Int32>
    @usableFromInline let partials: UnsafeMutablePointer<Value>
    @usableFromInline let adjoints: UnsafeMutablePointer<Value>
    /// The end of the indices and partials of the nodes not yet visited.
    @usableFromInline var index: Int, partial: Int
    @usableFromInline var window = AdjointWindow<Value>()

    @inlinable
    init(indices: UnsafeMutablePointer<Int32>, partials: UnsafeMutablePointer<Value>, adjoints: UnsafeMutablePointer<Value>, index: Int, partial: Int) {
        self.indices = indices
        self.partials = partials
        self.adjoints = adjoints
        self.index = index
        self.partial = partial
    }

    /// The last partial not yet read.
    @inlinable @inline(__always)
    mutating func nextPartial() -> Value {
        partial &-= 1
        return partials[partial]
    }

    /// The input `back` nodes back, or where that is 0 the last index not yet read.
    @inlinable @inline(__always)
    mutating func input(_ back: UInt8) -> Int32 {
        guard back == 0 else { return 0 }
        index &-= 1
        return indices[index]
    }

    @inlinable @inline(__always)
    mutating func one(_ share: Value, first: UInt8) {
        window.add(share, back: first, else: input(first), in: adjoints)
    }

    /// Two shares; the second input's index, stored after the first's, is read first.
    @inlinable @inline(__always)
    mutating func two(_ shareA: Value, _ shareB: Value, first: UInt8, second: UInt8) {
        let b = input(second), a = input(first)
        window.add(shareA, back: first, else: a, in: adjoints)
        window.add(shareB, back: second, else: b, in: adjoints)
    }

    @inlinable @inline(__always)
    mutating func scaled(_ adjoint: Value, first: UInt8) { one(nextPartial() * adjoint, first: first) }

    @inlinable @inline(__always)
    mutating func divisor(_ adjoint: Value, first: UInt8) { one(adjoint / nextPartial(), first: first) }

    @inlinable @inline(__always)
    mutating func weighted(_ adjoint: Value, first: UInt8, second: UInt8) {
        let db = nextPartial(), da = nextPartial()
        two(da * adjoint, db * adjoint, first: first, second: second)
    }

    @inlinable @inline(__always)
    mutating func sum(_ adjoint: Value, first: UInt8, second: UInt8) { two(adjoint, adjoint, first: first, second: second) }

    @inlinable @inline(__always)
    mutating func difference(_ adjoint: Value, first: UInt8, second: UInt8) { two(adjoint, -adjoint, first: first, second: second) }

    @inlinable @inline(__always)
    mutating func quotient(_ adjoint: Value, first: UInt8, second: UInt8) {
        let db = nextPartial(), divisor = nextPartial()
        two(adjoint / divisor, db * adjoint, first: first, second: second)
    }
}
