import RealModule

/// An IEEE binary format a sweep can run in: `Float16`, `Float`, `Double`, and `Float80` on x86.
///
/// Adds to `Real` what the measurement needs: exact conversion to `BigFloat`, correct rounding
/// from it, and the position of a value among the representable numbers (for ulp distances).
public protocol WorkingFloat: Real, BinaryFloatingPoint, Scalar, Sendable {
    static var precision: Precision { get }

    /// This value exactly.
    var exact: BigFloat { get }

    /// The representable value nearest to `value` (ties to even).
    init(nearest value: BigFloat)

    /// π and e rounded once to this format, as a compiler rounds a literal.
    static var roundedConstants: RoundedConstants<Self> { get }
}

/// π and e correctly rounded to a working precision, from MPFR at 64 bits more than the format
/// holds (neither lies within 2^−64 ulp of a rounding boundary). Not `FloatingPoint.pi`, which
/// is rounded toward zero (`Float.pi` is 1 ulp below the nearest).
public struct RoundedConstants<T: WorkingFloat>: Sendable {
    public let pi: T
    public let e: T

    init() {
        let bits = T.precision.significandBits + 64
        pi = T(nearest: BigFloat(MathematicalConstant.pi, precision: bits))
        e = T(nearest: BigFloat(MathematicalConstant.e, precision: bits))
    }
}

extension WorkingFloat {
    /// The position of this value among the representable numbers of its format: consecutive
    /// finite numbers have consecutive ordinals, and ±0 share ordinal 0. Nil for NaN and ±inf.
    ///
    /// IEEE 754 orders the bit patterns of same-signed numbers like integers (exponent above
    /// significand), which is why the exponent and significand fields concatenate into a count.
    public var ordinal: Int128? {
        guard isFinite else { return nil }
        let magnitude = (Int128(exponentBitPattern) << Self.significandBitCount) | Int128(significandBitPattern)
        return sign == .minus ? -magnitude : magnitude
    }

    /// The number of representable values from `self` to `other`: 0 when equal, 1 for neighbours.
    public func ulpDistance(to other: Self) -> Double {
        guard let a = ordinal, let b = other.ordinal else { return .nan }
        return Double(a > b ? a - b : b - a)
    }

    /// Correct rounding by checking the neighbours of a first guess: exact comparisons in MPFR
    /// pick the nearest, ties to the even significand. Used where MPFR has no direct conversion.
    init(nearestByNeighbours value: BigFloat, guess: Self) {
        guard value.isFinite, guess.isFinite else {
            self = guess
            return
        }
        var best = guess
        var bestDistance = (value - guess.exact.withPrecision(value.precision + 64)).magnitude
        for candidate in [guess.nextDown, guess.nextUp] where candidate.isFinite {
            let distance = (value - candidate.exact.withPrecision(value.precision + 64)).magnitude
            let isEven = candidate.significandBitPattern & 1 == 0
            if distance < bestDistance || (distance == bestDistance && isEven) {
                best = candidate
                bestDistance = distance
            }
        }
        self = best
    }
}

extension Float16: WorkingFloat {
    public static let roundedConstants = RoundedConstants<Float16>()
    public static var precision: Precision { .float16 }
    public var exact: BigFloat { BigFloat(Double(self), precision: 11) }

    /// MPFR has no binary16 conversion; rounding through `Double` can round twice, so the
    /// neighbours of that guess are compared exactly.
    public init(nearest value: BigFloat) {
        self.init(nearestByNeighbours: value, guess: Float16(value.doubleValue))
    }
}

extension Float: WorkingFloat {
    public static let roundedConstants = RoundedConstants<Float>()
    public static var precision: Precision { .float }
    public var exact: BigFloat { BigFloat(Double(self), precision: 24) }
    public init(nearest value: BigFloat) { self = value.floatValue }
}

extension Double: WorkingFloat {
    public static let roundedConstants = RoundedConstants<Double>()
    public static var precision: Precision { .double }
    public var exact: BigFloat { BigFloat(self, precision: 53) }
    public init(nearest value: BigFloat) { self = value.doubleValue }
}

#if arch(x86_64) || arch(i386)
extension Float80: WorkingFloat {
    public static let roundedConstants = RoundedConstants<Float80>()
    public static var precision: Precision { .float80 }
    public var exact: BigFloat { BigFloat(self, precision: 64) }
    public init(nearest value: BigFloat) { self = value.float80Value }
}
#endif
