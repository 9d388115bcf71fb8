import Foundation

/// How numbers are spelled, everywhere errsweep writes one. In data (CSV, JSON, messages a
/// program reads back): the shortest decimal that reads back to the same value (Swift's
/// `description`, Steele & White / Ryū style), `nan` and `±inf` for the others. For a reader
/// (tables, reports, summaries): a few significant digits, ulps whole, and — where there is no
/// number.
public enum NumberFormat {
    /// The shortest decimal that reads back as `value`; `nan` and `±inf` for the others.
    public static func exact(_ value: Double) -> String {
        value.isNaN ? "nan" : value.description
    }

    /// `digits` significant digits, for a sentence: 0.001300, -1.300e-06; 0 as 0.
    public static func significant(_ value: Double, digits: Int = 4) -> String {
        if value == 0 { return "0" }
        if !value.isFinite { return exact(value) }
        return abs(value) >= 1e-3 && abs(value) < 1e5 ? printf("%.\(digits)g", value) : printf("%.\(digits - 1)e", value)
    }

    /// A distance in ulps for a reader: whole below 10⁵ (3, 4096), two digits beyond (2.0e+06),
    /// ∞ for an infinite distance and — for none.
    public static func ulps(_ value: Double) -> String {
        if value.isNaN { return "—" }
        if value.isInfinite { return "∞" }
        return value < 1e5 ? printf("%.0f", value) : printf("%.1e", value)
    }

    /// A quantity for a reader — an error, a step — in scientific notation with `digits`
    /// significant digits (4.0e-05 with 2, 4.00e-05 with 3); 0 as 0, — for none.
    public static func scientific(_ value: Double, digits: Int = 2) -> String {
        if value.isNaN { return "—" }
        if value == 0 { return "0" }
        return printf("%.\(digits - 1)e", value)
    }

    /// A slope, an order or a ratio for a reader: `decimals` places (1.98 with 2), — for none.
    public static func fixed(_ value: Double, decimals: Int = 2) -> String {
        value.isNaN ? "—" : printf("%.\(decimals)f", value)
    }

    /// A time for a reader: 12.3 µs, 4.56 ms, 7.89 s.
    public static func duration(_ seconds: Double) -> String {
        seconds < 1e-3 ? printf("%.1f µs", seconds * 1e6) : seconds < 1 ? printf("%.2f ms", seconds * 1e3) : printf("%.2f s", seconds)
    }

    /// A share for a reader as a percentage with `decimals` places: 0.78 as 78%, — for none.
    public static func percent(_ share: Double, decimals: Int = 0) -> String {
        share.isNaN ? "—" : printf("%.\(decimals)f%%", 100 * share)
    }

    /// An integer in superscript digits: 4 as ⁴, −2 as ⁻².
    public static func superscript(_ n: Int) -> String {
        let raised = Dictionary(uniqueKeysWithValues: zip("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
        return String(String(n).map { raised[$0]! })
    }

    /// The K-th derivative of `f` as reports write it: f′, f″, f‴, then f⁽⁴⁾.
    public static func derivative(_ k: Int, of f: String = "f") -> String {
        switch k {
        case 1: f + "′"
        case 2: f + "″"
        case 3: f + "‴"
        default: f + "⁽" + superscript(k) + "⁾"
        }
    }

    /// A point for a label or a file name: `2` rather than `2.0`, else the shortest round trip.
    public static func compact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return exact(value)
    }

    /// `value` spelled by C's printf `format` (one double conversion), as String(format:) spells
    /// it but without its detour through CFString, which on Linux costs about a microsecond a
    /// number: the explorer spells tens of thousands per answer.
    static func printf(_ format: String, _ value: Double) -> String {
        withVaList([value]) { arguments in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
                let count = vsnprintf(buffer.baseAddress, buffer.count, format, arguments)
                guard count >= 0, Int(count) < buffer.count else { return String(format: format, value) }
                return String(cString: buffer.baseAddress!)
            }
        }
    }
}
