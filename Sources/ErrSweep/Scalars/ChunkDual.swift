import RealModule

/// A dual number carrying a chunk of tangents at once: v + Σⱼ tⱼεⱼ with every εᵢεⱼ = 0 —
/// vector-mode forward AD, as ForwardDiff.jl's chunks (Revels, Lubin & Papamarkou, "Forward-mode
/// automatic differentiation in Julia", 2016).
///
/// Seeded with c unit tangents, one pass gives c columns of a Jacobian: the value, and each rule's
/// local derivative, are computed once for the chunk instead of once per column, and the chain
/// rule becomes one SIMD multiply of the tangents by that derivative. So n columns take ⌈n/c⌉
/// passes where `Dual` takes n. The tangents are a `SIMD8<Double>` (c = 8), held in registers:
/// no allocation per operation. The type is concrete on purpose: in code generic over `SIMD`,
/// the arithmetic resolves to the protocol's element-by-element defaults, not to SIMD8<Double>'s
/// vector instructions, and measured no faster than eight scalar duals. For the same reason a
/// scalar meets the tangents as `Tangents(repeating:)`: SIMD's scalar-times-vector operators are
/// such generic defaults too.
public struct ChunkDual: Sendable {
    /// The value's type, and each tangent's.
    public typealias Value = Double
    /// Eight tangents, one per column of the chunk.
    public typealias Tangents = SIMD8<Double>
    public var value: Value
    public var tangents: Tangents

    /// The value with its chunk of tangents (all zero for a constant).
    @inlinable @inline(__always)
    public init(_ value: Value, tangents: Tangents = .zero) {
        self.value = value
        self.tangents = tangents
    }

    /// The number of tangents carried at once.
    @inlinable
    public static var chunk: Int { Tangents.scalarCount }

    /// Applies a local rule: its value, and its derivative times every tangent.
    @inlinable @inline(__always)
    func chained(_ local: DerivativeRules.Local<Value>) -> ChunkDual {
        ChunkDual(local.value, tangents: Tangents(repeating: local.derivative) * tangents)
    }

    /// Applies a rule whose derivative is a reciprocal: every tangent divided by its divisor, one
    /// rounding each (as `Dual` does).
    @inlinable @inline(__always)
    func chained(_ local: DerivativeRules.Quotient<Value>) -> ChunkDual {
        ChunkDual(local.value, tangents: tangents / Tangents(repeating: local.divisor))
    }
}

extension ChunkDual: Equatable {}

extension ChunkDual: ExpressibleByIntegerLiteral {
    @inlinable @inline(__always)
    public init(integerLiteral literal: Int) { self.init(Value(double: Double(literal))) }
}

extension ChunkDual: AdditiveArithmetic {
    @inlinable
    public static var zero: ChunkDual { ChunkDual(0) }
    @inlinable @inline(__always)
    public static func + (a: ChunkDual, b: ChunkDual) -> ChunkDual { ChunkDual(a.value + b.value, tangents: a.tangents + b.tangents) }
    @inlinable @inline(__always)
    public static func - (a: ChunkDual, b: ChunkDual) -> ChunkDual { ChunkDual(a.value - b.value, tangents: a.tangents - b.tangents) }
}

extension ChunkDual: Numeric, SignedNumeric {
    @inlinable @inline(__always)
    public static func * (a: ChunkDual, b: ChunkDual) -> ChunkDual {
        ChunkDual(a.value * b.value, tangents: a.tangents * Tangents(repeating: b.value) + Tangents(repeating: a.value) * b.tangents)
    }

    @inlinable
    public static func *= (a: inout ChunkDual, b: ChunkDual) { a = a * b }
    @inlinable
    public static prefix func - (x: ChunkDual) -> ChunkDual { ChunkDual(-x.value, tangents: -x.tangents) }
}

extension ChunkDual: AlgebraicField {
    /// (a/b)′ = (a′ − q·b′)/b with q = a/b, and −a·(b′/b)/b in the lanes where a′ = 0: `Dual`'s
    /// quotient, lane by lane, so each column equals the scalar mode's bit for bit.
    @inlinable @inline(__always)
    public static func / (a: ChunkDual, b: ChunkDual) -> ChunkDual {
        let q = a.value / b.value, divisor = Tangents(repeating: b.value)
        let general = (a.tangents - Tangents(repeating: q) * b.tangents) / divisor
        let constant = -((b.tangents / divisor) * Tangents(repeating: a.value)) / divisor
        return ChunkDual(q, tangents: general.replacing(with: constant, where: a.tangents .== .zero))
    }

    @inlinable
    public static func /= (a: inout ChunkDual, b: ChunkDual) { a = a / b }

    @inlinable
    public var reciprocal: ChunkDual? {
        guard let r = value.reciprocal else { return nil }
        return ChunkDual(r, tangents: -(tangents * Tangents(repeating: r)) * Tangents(repeating: r))
    }
}

extension ChunkDual: ElementaryFunctions {
    @inlinable public static func exp(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.exp(x.value)) }
    @inlinable public static func expMinusOne(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.expMinusOne(x.value)) }
    @inlinable public static func cosh(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.cosh(x.value)) }
    @inlinable public static func sinh(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.sinh(x.value)) }
    @inlinable public static func tanh(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.tanh(x.value)) }
    @inlinable public static func sigmoid(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.sigmoid(x.value)) }
    @inlinable public static func softplus(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.softplus(x.value)) }
    @inlinable public static func cos(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.cos(x.value)) }
    @inlinable public static func sin(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.sin(x.value)) }
    @inlinable public static func tan(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.tan(x.value)) }
    @inlinable public static func log(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.log(x.value)) }
    @inlinable public static func log(onePlus x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.logOnePlus(x.value)) }
    @inlinable public static func acosh(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.acosh(x.value)) }
    @inlinable public static func asinh(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.asinh(x.value)) }
    @inlinable public static func atanh(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.atanh(x.value)) }
    @inlinable public static func acos(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.acos(x.value)) }
    @inlinable public static func asin(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.asin(x.value)) }
    @inlinable public static func atan(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.atan(x.value)) }
    @inlinable public static func sqrt(_ x: ChunkDual) -> ChunkDual { x.chained(DerivativeRules.sqrt(x.value)) }
    @inlinable public static func pow(_ x: ChunkDual, _ n: Int) -> ChunkDual { x.chained(DerivativeRules.pow(x.value, n)) }
    @inlinable public static func root(_ x: ChunkDual, _ n: Int) -> ChunkDual { x.chained(DerivativeRules.root(x.value, n)) }

    @inlinable
    public static func hypot(_ a: ChunkDual, _ b: ChunkDual) -> ChunkDual {
        let local = DerivativeRules.hypot(a.value, b.value)
        return ChunkDual(local.value, tangents: Tangents(repeating: local.da) * a.tangents + Tangents(repeating: local.db) * b.tangents)
    }

    @inlinable
    public static func pow(_ x: ChunkDual, _ y: ChunkDual) -> ChunkDual {
        let local = DerivativeRules.pow(x.value, y.value, yVaries: y.tangents != .zero)
        return ChunkDual(local.value, tangents: Tangents(repeating: local.dx) * x.tangents + Tangents(repeating: local.dy) * y.tangents)
    }
}

extension ChunkDual: LiftedScalar {
    @inlinable @inline(__always)
    public init(lifting value: Value) { self.init(value) }

    /// The branch the values' comparison chooses, evaluated alone (a working float always decides).
    @inlinable
    public static func select(_ a: ChunkDual, isLessThan b: ChunkDual, _ ifLess: () -> ChunkDual, otherwise: () -> ChunkDual) -> ChunkDual {
        Value.isLess(a.value, b.value) ? ifLess() : otherwise()
    }
}
