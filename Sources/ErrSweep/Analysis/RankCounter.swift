/// A multiset of ranks 0..<n with insert, remove and k-th smallest in O(log n) each: a Fenwick
/// (binary indexed) tree of counts, searched by binary lifting (Fenwick, "A new data structure for
/// cumulative frequency tables", Software: Practice and Experience 24(3), 1994).
///
/// A running median over a window that slides along a sorted sequence costs O(log n) per step with
/// it, where sorting each window costs O(w log w) — the difference between milliseconds and
/// minutes for a sweep of 10⁶ steps.
struct RankCounter {
    private var tree: [Int]
    private(set) var count = 0

    init(ranks n: Int) { tree = Array(repeating: 0, count: n + 1) }

    mutating func insert(_ rank: Int) { add(rank, 1) }
    mutating func remove(_ rank: Int) { add(rank, -1) }

    private mutating func add(_ rank: Int, _ delta: Int) {
        count += delta
        var i = rank + 1
        while i < tree.count {
            tree[i] += delta
            i += i & -i
        }
    }

    /// The k-th smallest rank held, k from 0.
    func rank(ofKth k: Int) -> Int {
        precondition(k >= 0 && k < count)
        var position = 0, remaining = k + 1
        var step = 1
        while step * 2 < tree.count { step *= 2 }
        while step > 0 {
            if position + step < tree.count, tree[position + step] < remaining {
                position += step
                remaining -= tree[position]
            }
            step /= 2
        }
        return position
    }
}
