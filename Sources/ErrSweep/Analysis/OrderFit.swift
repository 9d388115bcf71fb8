import Foundation

/// The observed order of an error: the least-squares slope of log|error| against log h.
public enum OrderFit {
    /// The slope through the (h, error) pairs with finite, nonzero error; nil with fewer than
    /// three such pairs or no spread in h.
    public static func slope(_ points: [(h: Double, error: Double)]) -> Double? {
        let usable = points.filter { $0.h > 0 && $0.error != 0 && $0.error.isFinite }
            .map { (x: log10($0.h), y: log10(abs($0.error))) }
        guard usable.count >= 3 else { return nil }
        let n = Double(usable.count)
        let meanX = usable.map(\.x).reduce(0, +) / n
        let meanY = usable.map(\.y).reduce(0, +) / n
        let sxx = usable.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
        guard sxx > 0 else { return nil }
        let sxy = usable.map { ($0.x - meanX) * ($0.y - meanY) }.reduce(0, +)
        return sxy / sxx
    }
}
