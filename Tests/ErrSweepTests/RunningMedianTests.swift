@testable import ErrSweep
import Foundation
import Testing

@Suite struct RunningMedianTests {
    /// Inserts and removes at random; the k-th smallest always matches a sorted copy.
    @Test func rankCounterAgreesWithSorting() {
        var rng = SplitMix(seed: 5)
        var counter = RankCounter(ranks: 50)
        var held: [Int] = []
        for _ in 0..<3000 {
            if held.isEmpty || rng.unit() < 0.55 {
                let rank = Int(rng.next() % 50)
                counter.insert(rank)
                held.append(rank)
            } else {
                counter.remove(held.remove(at: Int(rng.next() % UInt64(held.count))))
            }
            let sorted = held.sorted()
            #expect(counter.count == held.count)
            for k in [0, sorted.count / 2, sorted.count - 1] where !sorted.isEmpty {
                #expect(counter.rank(ofKth: k) == sorted[k])
            }
        }
    }

    /// The sliding median's minimum, against the definition computed by brute force: for each
    /// center, sort the errors within half a decade and take the middle one. Also on a grid of 10
    /// per decade, where every fifth step is exactly on the window's edge.
    @Test func medianMinimumMatchesTheDefinition() {
        var rng = SplitMix(seed: 6)
        for trial in 0..<20 {
            let count = 5 + Int(rng.next() % 300)
            let onGrid = trial % 2 == 0
            let rows = (0..<count).map { index in
                DerivativeMeasurement(
                    function: "f", x: 1, method: .forward, precision: .double,
                    h: onGrid ? pow(10, -Double(index % 160) / 10) : pow(10, -16 * rng.unit()),
                    estimate: 0, truth: 0, absoluteError: rng.unit() < 0.05 ? .nan : pow(10, -10 * rng.unit()),
                    relativeError: .nan, ulps: .nan, status: .ok)
            }
            var expected: (h: Double, error: Double)?
            let finite = rows.filter { $0.absoluteError.isFinite }
            for center in finite {
                let window = finite.filter { abs(log10($0.h) - log10(center.h)) <= 0.5 + 1e-9 }.map(\.absoluteError).sorted()
                guard window.count >= 3 else { continue }
                if window[window.count / 2] < (expected?.error ?? .infinity) { expected = (center.h, window[window.count / 2]) }
            }
            let got = SweepAnalysis.medianMinimum(rows)
            #expect(got?.h == expected?.h && got?.error == expected?.error, "trial \(trial)")
        }
    }
}
