/// The root mean square of a window of numbers that leave in the order they came (first in,
/// first out), in O(1) amortised per insertion or removal, with no subtraction: two stacks, each
/// entry of the one that is popped carrying the aggregate of itself and everything beneath it, so
/// a value that leaves is never subtracted from a running sum — errors in one window span thirty
/// decades, and a sum that lost a 1e30 would keep its rounding over the 1e−20s left behind.
/// (The two-stack queue: Okasaki, *Purely Functional Data Structures*, 1998, §5.2; sliding
/// aggregation with it: Tangwongsan, Hirzel & Schneider, "In-order sliding-window aggregation in
/// worst-case constant time", VLDB Journal 30, 2021.)
///
/// The aggregate is the pair (m, s) with Σxᵢ² = m²·s, m the largest |xᵢ|: LAPACK's scaled sum of
/// squares (dnrm2, Blue 1978), so squares of 1e200 or 1e−200 neither overflow nor vanish.
struct SlidingRootMeanSquare {
    /// Σ xᵢ² = scale² · sum.
    struct Squares {
        var scale = 0.0
        var sum = 0.0

        static let empty = Squares()

        init() {}

        init(_ x: Double) {
            scale = x.magnitude
            sum = x == 0 ? 0 : 1
        }

        /// The aggregate of both windows.
        func combined(with other: Squares) -> Squares {
            if other.scale == 0 { return Squares(scale: scale, sum: scale == 0 ? 0 : sum) }
            if scale == 0 { return other }
            var result = Squares()
            if scale >= other.scale {
                let ratio = other.scale / scale
                result.scale = scale
                result.sum = sum + other.sum * ratio * ratio
            } else {
                let ratio = scale / other.scale
                result.scale = other.scale
                result.sum = other.sum + sum * ratio * ratio
            }
            return result
        }

        private init(scale: Double, sum: Double) {
            self.scale = scale
            self.sum = sum
        }
    }

    /// Oldest on top; each entry with the aggregate of itself and all newer entries in the stack.
    private var front: [Squares] = []
    /// Newest last, with their aggregate.
    private var back: [Double] = []
    private var backSquares = Squares.empty

    private(set) var count = 0

    mutating func insert(_ value: Double) {
        back.append(value)
        backSquares = backSquares.combined(with: Squares(value))
        count += 1
    }

    /// Removes the value that came first of those still in the window.
    mutating func removeOldest() {
        precondition(count > 0, "removing from an empty window")
        if front.isEmpty {
            // Newest at the bottom: each entry aggregates itself and everything newer.
            var running = Squares.empty
            front = back.reversed().map { value in
                running = Squares(value).combined(with: running)
                return running
            }
            back.removeAll(keepingCapacity: true)
            backSquares = .empty
        }
        front.removeLast()
        count -= 1
    }

    /// √(Σxᵢ²/w); nil for an empty window.
    var rootMeanSquare: Double? {
        guard count > 0 else { return nil }
        let all = (front.last ?? .empty).combined(with: backSquares)
        return all.scale * (all.sum / Double(count)).squareRoot()
    }
}
