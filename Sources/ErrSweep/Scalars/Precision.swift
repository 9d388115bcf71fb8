import Foundation

/// A working precision: the IEEE format a derivative is computed in.
///
/// The cases are the same on every platform, so a consumer's exhaustive `switch` compiles
/// everywhere; `float80` (x87 extended) exists only on x86 hardware, and `available` lists what
/// this machine can compute in.
public enum Precision: String, CaseIterable, Sendable, Comparable, Codable {
    case float16
    case float
    case double
    /// x87 80-bit extended precision: x86 only (`isAvailable`).
    case float80

    /// The precisions this machine computes in: all four on x86, float80 missing elsewhere.
    public static var available: [Precision] { allCases.filter(\.isAvailable) }

    /// Whether this machine has the format in hardware (Swift's Float80 exists only on x86).
    public var isAvailable: Bool {
        #if arch(x86_64) || arch(i386)
        true
        #else
        self != .float80
        #endif
    }

    /// Significand bits p, counting the leading bit.
    public var significandBits: Int {
        switch self {
        case .float16: 11
        case .float: 24
        case .double: 53
        case .float80: 64
        }
    }

    /// Machine epsilon ε = 2^(1−p), the gap between 1 and the next number.
    public var epsilon: Double { Double(sign: .plus, exponent: 1 - significandBits, significand: 1) }

    /// Unit roundoff u = ε/2, the largest relative error of one correctly rounded operation.
    public var unitRoundoff: Double { epsilon / 2 }

    /// The exponent of the least normal number, 2^emin (IEEE 754-2019, Table 3.5; x87 extended
    /// as binary64's wider cousin, emin = −16382).
    public var minimumExponent: Int {
        switch self {
        case .float16: -14
        case .float: -126
        case .double: -1022
        case .float80: -16382
        }
    }

    /// The gap between `value` and the next number of this format away from zero: 2^(e − p + 1)
    /// for value's exponent e, and below the normal range the subnormals' fixed gap
    /// 2^(emin − p + 1). (Computed in Double, so exact down to Double's own subnormals.)
    public func ulp(of value: Double) -> Double {
        let exponent = value == 0 || !value.isFinite ? minimumExponent : max(Int(value.exponent), minimumExponent)
        return Foundation.pow(2, Double(exponent - significandBits + 1))
    }

    public static func < (a: Precision, b: Precision) -> Bool { a.significandBits < b.significandBits }
}

extension Precision {
    /// The first precision a truth is proved at: 2p + 64 bits for a p-bit significand (`Truth`).
    public var firstTruthBits: Int { 2 * significandBits + 64 }

    /// The most bits errsweep's old two-precision agreement used, 4p + 192: a truth that needed
    /// more is pointed out, because a reference that trusts two agreeing precisions gets it wrong.
    public var twoPrecisionBits: Int { 4 * significandBits + 192 }
}
