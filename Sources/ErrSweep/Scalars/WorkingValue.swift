#if arch(x86_64) || arch(i386)
/// The widest working format, which every working value converts to exactly: Float80 on x86,
/// where `Precision.float80` exists, Double elsewhere. Internal: a public field of it would be a
/// different type on each machine; `WorkingValue` is what the public surface holds.
typealias WidestFloat = Float80
#else
typealias WidestFloat = Double
#endif

/// A number of one working precision, held exactly on every machine: a measurement's estimate or
/// truth in whichever precision it was made. It knows its precision, so it is written with the
/// digits its own format needs (0.87758255 in Float, 19 digits in float80) and never passes for a
/// Double it is not.
///
/// Float16, Float and Double values are exactly Doubles too (`double`); a float80 value keeps its
/// 64 significand bits where Float80 exists (x86), and `double` rounds it.
public struct WorkingValue: Sendable, Hashable, CustomStringConvertible {
    /// The format the value was computed in.
    public let precision: Precision
    let storage: WidestFloat

    /// `value`, in its own precision.
    public init<T: WorkingFloat>(_ value: T) {
        precision = T.precision
        storage = WidestFloat(value)
    }

    /// `text` (a decimal, `inf` or `nan`) rounded to `precision`; nil when it is not a number or
    /// the precision is not available on this machine.
    public init?(_ text: String, precision: Precision) {
        guard precision.isAvailable, let wide = WidestFloat(text) else { return nil }
        self.precision = precision
        switch precision {
        case .float16: storage = WidestFloat(Float16(wide))
        case .float: storage = WidestFloat(Float(wide))
        case .double: storage = WidestFloat(Double(wide))
        case .float80: storage = wide
        }
    }

    /// `value` rounded to `precision` (a point read as a Double, held as a working precision
    /// holds it); nil where the precision is not available on this machine.
    public init?(rounding value: Double, to precision: Precision) {
        guard precision.isAvailable else { return nil }
        self.precision = precision
        switch precision {
        case .float16: storage = WidestFloat(Float16(value))
        case .float: storage = WidestFloat(Float(value))
        case .double, .float80: storage = WidestFloat(value)
        }
    }

    /// NaN of `precision`: no value (an estimate that was never made, a truth that did not settle).
    public static func nan(_ precision: Precision) -> WorkingValue {
        WorkingValue(precision: precision, storage: .nan)
    }

    private init(precision: Precision, storage: WidestFloat) {
        self.precision = precision
        self.storage = storage
    }

    /// The value as a Double: exact for Float16, Float and Double, rounded for float80.
    public var double: Double { Double(storage) }

    /// The value in `T`: exact where `T` is its precision or wider.
    public func value<T: WorkingFloat>(as type: T.Type = T.self) -> T { T(storage) }

    public var isNaN: Bool { storage.isNaN }
    public var isFinite: Bool { storage.isFinite }
    public var isInfinite: Bool { storage.isInfinite }
    public var isZero: Bool { storage == 0 }

    /// The shortest decimal that reads back to this value in its own precision; `nan` for NaN.
    public var description: String {
        if storage.isNaN { return "nan" }
        switch precision {
        case .float16: return Float16(storage).description
        case .float: return Float(storage).description
        case .double: return Double(storage).description
        case .float80: return storage.description
        }
    }
}
