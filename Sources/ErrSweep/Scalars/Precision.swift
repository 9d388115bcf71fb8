/// A working precision: the IEEE format a derivative is computed in.
public enum Precision: String, CaseIterable, Sendable, Comparable {
    case float16
    case float
    case double
    #if arch(x86_64) || arch(i386)
    case float80
    #endif

    /// Significand bits p, counting the leading bit.
    public var significandBits: Int {
        switch self {
        case .float16: 11
        case .float: 24
        case .double: 53
        #if arch(x86_64) || arch(i386)
        case .float80: 64
        #endif
        }
    }

    /// Machine epsilon ε = 2^(1−p), the gap between 1 and the next number.
    public var epsilon: Double { Double(sign: .plus, exponent: 1 - significandBits, significand: 1) }

    /// Unit roundoff u = ε/2, the largest relative error of one correctly rounded operation.
    public var unitRoundoff: Double { epsilon / 2 }

    public static func < (a: Precision, b: Precision) -> Bool { a.significandBits < b.significandBits }
}
