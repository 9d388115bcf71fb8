/// How numbers are spelled in errsweep's files: the shortest decimal that reads back to the same
/// value (Swift's `description`, Steele & White / Ryū style), `nan` and `±inf` for the others.
public enum NumberFormat {
    public static func exact(_ value: Double) -> String {
        value.isNaN ? "nan" : value.description
    }

    /// A working-precision value, written with just the digits its own format needs.
    public static func exact(_ value: WidestFloat, in precision: Precision) -> String {
        if value.isNaN { return "nan" }
        switch precision {
        case .float16: return Float16(value).description
        case .float: return Float(value).description
        case .double: return Double(value).description
        #if arch(x86_64) || arch(i386)
        case .float80: return value.description
        #endif
        }
    }
}
