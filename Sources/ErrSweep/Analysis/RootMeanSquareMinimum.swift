import DequeModule
import Foundation

/// The bottom of an error curve that a single lucky sample cannot fake: the least, over the steps
/// h, of the root mean square of the absolute errors at the steps within half a decade of h
/// either side (see `SweepAnalysis.Entry.bottomOfTheV`).
///
/// Samples that arrive in order of h — either direction, as every range and most lists do — are
/// consumed as they come: a step's window is taken once the samples have moved more than half a
/// decade past it, and only the window is held, about `perDecade` samples. Samples in any other
/// order are kept, sorted at the end, and replayed.
struct RootMeanSquareMinimum {
    private struct Sample {
        /// log10 h, negated when the steps decrease, so that it always grows.
        var position: Double
        var h: Double
        var error: Double
        /// Its place among the samples, which decides ties between equal windows: the first wins.
        var arrival: Int
    }

    /// Steps exactly half a decade away (every fifth on a grid of 10 per decade) are inside: the
    /// slack keeps rounding in the logarithms from deciding.
    private static let halfWidth = 0.5 + 1e-9

    private enum Order { case increasing, decreasing, unordered }
    private let order: Order
    private var arrivals = 0
    /// The samples in the window; those from `firstPending` on have no value yet.
    private var window = Deque<Sample>()
    private var firstPending = 0
    private var squares = SlidingRootMeanSquare()
    /// Every sample, when they come unordered.
    private var unordered: [Sample] = []
    private var best: (h: Double, error: Double, arrival: Int)?

    /// `increasing`/`decreasing`: how h moves from sample to sample; nil when it may move either way.
    init(hIncreases: Bool?) {
        order = switch hIncreases {
        case true?: .increasing
        case false?: .decreasing
        case nil: .unordered
        }
    }

    /// Takes the next sample; non-positive steps and non-finite errors are skipped.
    mutating func add(h: Double, error: Double) {
        guard h > 0, error.isFinite else { return }
        let logH = log10(h)
        let sample = Sample(position: order == .decreasing ? -logH : logH, h: h, error: error, arrival: arrivals)
        arrivals += 1
        if order == .unordered {
            unordered.append(sample)
        } else {
            consume(sample)
        }
    }

    /// The least root mean square and its step; nil where no window held three finite errors.
    mutating func finish() -> SweepAnalysis.StepError? {
        if order == .unordered {
            for sample in unordered.sorted(by: { ($0.position, $0.arrival) < ($1.position, $1.arrival) }) {
                consume(sample)
            }
            unordered = []
        }
        while firstPending < window.count { settle() }
        return best.map { SweepAnalysis.StepError(h: $0.h, error: $0.error) }
    }

    private mutating func consume(_ sample: Sample) {
        while firstPending < window.count, window[firstPending].position + Self.halfWidth < sample.position { settle() }
        window.append(sample)
        squares.insert(sample.error)
    }

    /// Takes the first pending sample's window: everything within half a decade above it has come.
    private mutating func settle() {
        let center = window[firstPending]
        while window[0].position < center.position - Self.halfWidth {
            window.removeFirst()
            squares.removeOldest()
            firstPending -= 1
        }
        firstPending += 1
        guard squares.count >= 3, let value = squares.rootMeanSquare else { return }
        if best.map({ (value, center.arrival) < ($0.error, $0.arrival) }) ?? true {
            best = (center.h, value, center.arrival)
        }
    }
}
