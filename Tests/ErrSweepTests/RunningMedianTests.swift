@testable import ErrSweep
import Foundation
import Testing

@Suite struct RunningMedianTests {
    /// Inserts and removes the oldest at random; the median always matches a sorted copy's middle,
    /// also with many equal values.
    @Test func slidingMedianAgreesWithSorting() {
        var rng = SplitMix(seed: 5)
        for distinct in [1_000_000, 7] {
            var median = SlidingMedian()
            var held: [Double] = []
            for _ in 0..<5000 {
                if held.isEmpty || rng.unit() < 0.55 {
                    let value = Double(rng.next() % UInt64(distinct)) / 10
                    median.insert(value)
                    held.append(value)
                } else {
                    median.removeOldest()
                    held.removeFirst()
                }
                #expect(median.count == held.count)
                #expect(median.median == held.sorted().dropFirst(held.count / 2).first)
            }
        }
    }

    /// A window that only grows and then only shrinks: the lazily removed values must not pile up
    /// in the wrong half.
    @Test func slidingMedianOfASortedRun() {
        var median = SlidingMedian()
        let values = (0..<2000).map { Double(2000 - $0) }
        for value in values { median.insert(value) }
        for removed in 0..<1999 {
            median.removeOldest()
            let rest = values[(removed + 1)...].sorted()
            #expect(median.median == rest[rest.count / 2])
        }
    }

    /// The sliding median's minimum, against the definition computed by brute force: for each
    /// center in the order given, sort the errors within half a decade and take the middle one;
    /// the first least wins. Rows come unordered, by increasing h and by decreasing h; also on a
    /// grid of 10 per decade, where every fifth step is exactly on the window's edge.
    @Test func medianMinimumMatchesTheDefinition() {
        var rng = SplitMix(seed: 6)
        for trial in 0..<30 {
            let count = 5 + Int(rng.next() % 300)
            let onGrid = trial % 2 == 0
            let rows = (0..<count).map { index in
                (h: onGrid ? pow(10, -Double(index % 160) / 10) : pow(10, -16 * rng.unit()),
                 error: rng.unit() < 0.05 ? Double.nan : pow(10, -10 * rng.unit()))
            }
            for order in [nil, true, false] as [Bool?] {
                let given = order.map { up in rows.sorted { up ? $0.h < $1.h : $0.h > $1.h } } ?? rows
                var expected: (h: Double, error: Double)?
                let finite = given.filter { $0.error.isFinite }
                for center in finite {
                    let window = finite.filter { abs(log10($0.h) - log10(center.h)) <= 0.5 + 1e-9 }.map(\.error).sorted()
                    guard window.count >= 3 else { continue }
                    if window[window.count / 2] < (expected?.error ?? .infinity) { expected = (center.h, window[window.count / 2]) }
                }
                var streamed = MedianMinimum(hIncreases: order)
                for row in given { streamed.add(h: row.h, error: row.error) }
                let got = streamed.finish()
                #expect(got?.h == expected?.h && got?.error == expected?.error, "trial \(trial), h increasing: \(String(describing: order))")
            }
        }
    }
}
