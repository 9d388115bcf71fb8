import Foundation

/// The observed order of an error: the least-squares slope of log|error| against log h.
///
/// The sums are updated one pair at a time (Welford's running means and co-moments; Welford,
/// Technometrics 4(3), 1962), so a sweep of any length fits its slopes without keeping its rows,
/// and without the cancellation of the textbook Σxy − n·x̄ȳ.
public struct OrderFit: Sendable {
    private var count = 0
    private var meanX = 0.0, meanY = 0.0
    private var sxx = 0.0, sxy = 0.0

    /// An empty fit: no points yet.
    public init() {}

    /// Adds a pair; pairs with h ≤ 0 or an error that is zero or not finite say nothing of a slope
    /// and are skipped.
    public mutating func add(h: Double, error: Double) {
        guard h > 0, error != 0, error.isFinite else { return }
        let x = log10(h), y = log10(abs(error))
        count += 1
        let dx = x - meanX
        meanX += dx / Double(count)
        meanY += (y - meanY) / Double(count)
        sxx += dx * (x - meanX)
        sxy += dx * (y - meanY)
    }

    /// The slope; nil with fewer than three usable pairs or no spread in h.
    public var slope: Double? {
        guard count >= 3, sxx > 0 else { return nil }
        return sxy / sxx
    }

    /// The slope through the (h, error) pairs with finite, nonzero error.
    public static func slope(_ points: [(h: Double, error: Double)]) -> Double? {
        var fit = OrderFit()
        for point in points { fit.add(h: point.h, error: point.error) }
        return fit.slope
    }
}
