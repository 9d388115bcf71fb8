/// How numbers are spelled in errsweep's files: the shortest decimal that reads back to the same
/// value (Swift's `description`, Steele & White / Ryū style), `nan` and `±inf` for the others.
public enum NumberFormat {
    public static func exact(_ value: Double) -> String {
        value.isNaN ? "nan" : value.description
    }

    /// `digits` significant digits, for a sentence: 0.001300, -1.300e-06.
    public static func significant(_ value: Double, digits: Int = 4) -> String {
        if value == 0 || !value.isFinite { return exact(value) }
        return abs(value) >= 1e-3 && abs(value) < 1e5 ? String(format: "%.\(digits)g", value) : String(format: "%.\(digits - 1)e", value)
    }

    /// A distance in ulps: whole below 10⁵ (3, 4096), one digit beyond (2e+06), `nan` undefined.
    public static func ulps(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        return value < 1e5 ? String(format: "%.0f", value) : String(format: "%.0e", value)
    }

    /// A point for a label or a file name: `2` rather than `2.0`, else the shortest round trip.
    public static func compact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return exact(value)
    }

    /// A working-precision value, written with just the digits its own format needs.
    public static func exact(_ value: WidestFloat, in precision: Precision) -> String {
        if value.isNaN { return "nan" }
        switch precision {
        case .float16: return Float16(value).description
        case .float: return Float(value).description
        case .double: return Double(value).description
        case .float80: return value.description
        }
    }
}
