import ErrSweep
import Foundation

/// The rules of an axis that both renderers follow — where a value sits, which ticks are drawn and
/// what their labels say — so gnuplot's chart and the native one carry the same ticks, labels and
/// grid lines.
extension Chart.Axis {
    /// Where `value` sits along the axis: 0 at the low end, 1 at the high (in log10 on a log axis),
    /// the other way round on a reversed axis.
    public func fraction(of value: Double) -> Double {
        let fraction = switch scale {
        case .linear: (value - range.lowerBound) / (range.upperBound - range.lowerBound)
        case .log: (log10(value) - log10(range.lowerBound)) / (log10(range.upperBound) - log10(range.lowerBound))
        }
        return isReversed ? 1 - fraction : fraction
    }

    /// What a tick says: 10^k on a log axis (each renderer raises k its own way), a decimal
    /// otherwise.
    public enum TickLabel: Sendable, Equatable {
        case power(Int)
        case decimal(String)
    }

    /// The ticks of an axis: major ones, each labelled or not (a grid line goes with each label),
    /// and minor ones, all inside the range.
    public struct Ticks: Sendable {
        public var major: [(value: Double, label: TickLabel?)]
        public var minor: [Double]
    }

    public var ticks: Ticks {
        switch scale {
        case .log:
            let low = Int(ceil(log10(range.lowerBound) - 1e-9)), high = Int(floor(log10(range.upperBound) + 1e-9))
            // A range inside one decade: its two ends, labelled as decimals.
            guard low <= high else {
                return Ticks(major: [range.lowerBound, range.upperBound].map { ($0, .decimal(NumberFormat.scientific($0))) }, minor: [])
            }
            let decades = high - low
            // At most about 12 labels, at a round number of decades: 1e−300…1e300 is labelled every
            // 50 decades, and past 24 decades only the labelled decades get a tick.
            let every = [1, 2, 3, 5, 10, 20, 25, 50, 100].first { decades / $0 <= 12 } ?? 100
            let major = (low...high).filter { decades <= 24 || $0 % every == 0 }.map { k in
                (value: Foundation.pow(10, Double(k)), label: (k - low) % every == 0 || decades > 24 ? TickLabel.power(k) : nil)
            }
            var minor: [Double] = []
            if decades <= 12 {
                for k in (low - 1)...high {
                    for m in 2...9 {
                        // m·10^k rounded once, as the linear ticks are (7·0.01 would be 0.07000000000000001).
                        let v = k < 0 ? Double(m) / Foundation.pow(10, Double(-k)) : Double(m) * Foundation.pow(10, Double(k))
                        if range.contains(v) { minor.append(v) }
                    }
                }
            }
            return Ticks(major: major, minor: minor)
        case .linear:
            let span = range.upperBound - range.lowerBound
            let raw = countsWholeNumbers ? Swift.max(span / 8, 1) : span / 8
            let exponent = floor(log10(raw))
            let magnitude = Foundation.pow(10, exponent)
            let multiple = [1.0, 2, 5, 10].first { $0 * magnitude >= raw } ?? 10
            let step = multiple * magnitude
            // Each tick is the decimal k·multiple·10^e rounded once — (k·multiple)/10^−e for e < 0 —
            // not a product or running sum of rounded steps (which labels 0.6000000000000001).
            let first = ceil(range.lowerBound / step), last = floor(range.upperBound / step + 1e-9)
            let values = first <= last ? stride(from: first, through: last, by: 1).map { k in
                exponent < 0 ? k * multiple / Foundation.pow(10, -exponent) : k * multiple * magnitude
            } : []
            return Ticks(major: values.filter(range.contains).map { ($0, .decimal(NumberFormat.compact($0))) }, minor: [])
        }
    }
}
