import Foundation

/// The steps of a grid, in the order given. A log-spaced range makes each step when it is read,
/// so a grid of 10⁷ steps takes no memory; a list holds its steps.
public struct Steps: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable, Equatable {
        case list([Double])
        /// 10^(log10 from + k·span/intervals), with both ends exactly as given.
        case logRange(from: Double, to: Double, start: Double, span: Double, intervals: Int)
    }

    private let storage: Storage

    /// The steps listed, in order.
    public init(_ steps: [Double]) { storage = .list(steps) }

    public init(arrayLiteral steps: Double...) { self.init(steps) }

    /// `intervals + 1` steps from `from` to `to`, log-spaced.
    init(logFrom from: Double, to: Double, intervals: Int) {
        guard intervals > 0 else {
            storage = .list([from])
            return
        }
        storage = .logRange(from: from, to: to, start: log10(from), span: log10(to) - log10(from), intervals: intervals)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .list(let steps): steps.count
        case .logRange(_, _, _, _, let intervals): intervals + 1
        }
    }

    public subscript(k: Int) -> Double {
        switch storage {
        case .list(let steps):
            return steps[k]
        case .logRange(let from, let to, let start, let span, let intervals):
            precondition(k >= 0 && k <= intervals, "step index out of range")
            if k == 0 { return from }
            if k == intervals { return to }
            return pow(10, start + span * Double(k) / Double(intervals))
        }
    }

    /// Whether the steps never change direction: a range, or a list sorted either way. A sweep
    /// over such steps can smooth its errors as they arrive (`RootMeanSquareMinimum`).
    public var isMonotone: Bool {
        switch storage {
        case .logRange: true
        case .list(let steps):
            zip(steps, steps.dropFirst()).allSatisfy { $0 <= $1 } || zip(steps, steps.dropFirst()).allSatisfy { $0 >= $1 }
        }
    }

    /// The smallest and the largest step; nil for no steps.
    public var bounds: ClosedRange<Double>? {
        switch storage {
        case .logRange(let from, let to, _, _, _): Swift.min(from, to)...Swift.max(from, to)
        case .list(let steps): steps.min().map { $0...steps.max()! }
        }
    }

    public static func == (a: Steps, b: Steps) -> Bool { a.elementsEqual(b) }
}
