import DequeModule
import HeapModule

/// The median of a window of numbers that leave in the order they came (first in, first out),
/// in O(log w) per insertion or removal for a window of w.
///
/// Two heaps split the window at its middle: `lower` holds the smaller ⌊w/2⌋ values, read at its
/// maximum, `upper` the rest, read at its minimum, which is the median (the upper one when w is
/// even). A value that leaves is not searched for: it is marked gone — everything inserted before
/// `oldestLive` is — and dropped when it reaches the top of its heap, with a sweep of the dead
/// whenever they outnumber the live, so memory stays within a small multiple of w. (Two heaps
/// split at the median: Sedgewick and Wayne, *Algorithms*, 4th ed., ex. 2.4.30; the heaps are
/// swift-collections' min-max heaps.)
struct SlidingMedian {
    /// A value and when it came; the arrival breaks ties, so every item is distinct.
    private struct Item: Comparable {
        var value: Double
        var arrival: Int

        static func < (a: Item, b: Item) -> Bool { (a.value, a.arrival) < (b.value, b.arrival) }
    }

    private var lower = Heap<Item>()
    private var upper = Heap<Item>()
    private var lowerCount = 0, upperCount = 0
    private var arrivals = 0
    private var oldestLive = 0
    /// The live values in arrival order, to know which one leaves next.
    private var order = Deque<Double>()

    var count: Int { lowerCount + upperCount }

    /// The ⌊w/2⌋-th smallest value (from 0) of the w in the window.
    var median: Double? { upper.min?.value }

    mutating func insert(_ value: Double) {
        let item = Item(value: value, arrival: arrivals)
        arrivals += 1
        order.append(value)
        if let top = upper.min, item < top {
            lower.insert(item)
            lowerCount += 1
        } else {
            upper.insert(item)
            upperCount += 1
        }
        rebalance()
    }

    /// Removes the value that came first of those still in the window.
    mutating func removeOldest() {
        precondition(count > 0, "removing from an empty window")
        let item = Item(value: order.removeFirst(), arrival: oldestLive)
        oldestLive += 1
        // Every value in `lower` is below upper's minimum, which is live.
        if let top = upper.min, item >= top { upperCount -= 1 } else { lowerCount -= 1 }
        dropDeadTops()
        rebalance()
        if lower.count > 2 * lowerCount + 64 { lower.removeAll { $0.arrival < oldestLive } }
        if upper.count > 2 * upperCount + 64 { upper.removeAll { $0.arrival < oldestLive } }
    }

    /// Keeps ⌊w/2⌋ live values in `lower`, with both tops live.
    private mutating func rebalance() {
        while lowerCount > count / 2 {
            upper.insert(lower.removeMax())
            lowerCount -= 1
            upperCount += 1
            dropDeadTops()
        }
        while lowerCount < count / 2 {
            lower.insert(upper.removeMin())
            upperCount -= 1
            lowerCount += 1
            dropDeadTops()
        }
    }

    private mutating func dropDeadTops() {
        while let top = lower.max, top.arrival < oldestLive { lower.removeMax() }
        while let top = upper.min, top.arrival < oldestLive { upper.removeMin() }
    }
}
