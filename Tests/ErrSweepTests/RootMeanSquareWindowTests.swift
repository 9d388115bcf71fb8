@testable import ErrSweep
import Foundation
import Testing

@Suite struct RootMeanSquareWindowTests {
    /// Inserts and removes the oldest at random; the root mean square always matches one computed
    /// from the values held, also with zeros and with values of 1e±200 whose squares leave Double.
    @Test func slidingRootMeanSquareAgreesWithTheDefinition() {
        var rng = SplitMix(seed: 5)
        for scale in [1.0, 1e200, 1e-200] {
            var window = SlidingRootMeanSquare()
            var held: [Double] = []
            for _ in 0..<5000 {
                if held.isEmpty || rng.unit() < 0.55 {
                    let value = rng.unit() < 0.1 ? 0 : scale * pow(10, 4 * rng.unit() - 2)
                    window.insert(value)
                    held.append(value)
                } else {
                    window.removeOldest()
                    held.removeFirst()
                }
                #expect(window.count == held.count)
                guard let largest = held.max(), let got = window.rootMeanSquare else {
                    #expect(held.isEmpty == (window.rootMeanSquare == nil))
                    continue
                }
                let expected = largest == 0 ? 0 : largest * (held.map { ($0 / largest) * ($0 / largest) }.reduce(0, +) / Double(held.count)).squareRoot()
                #expect(abs(got - expected) <= 1e-12 * expected, "\(got) vs \(expected)")
            }
        }
    }

    /// √((3² + 4²)/2) = √12.5 exactly as the definition gives it; one value leaving is not
    /// subtracted from a sum that held 1e30.
    @Test func aLargeValueLeavesNoTrace() {
        var window = SlidingRootMeanSquare()
        window.insert(1e30)
        window.insert(3)
        window.insert(4)
        window.removeOldest()
        #expect(window.rootMeanSquare == 12.5.squareRoot())
    }

    /// The minimum of the windowed root mean square, against the definition computed by brute
    /// force: for each center in the order given, the root mean square of the errors within half a
    /// decade; the first least wins. Rows come unordered, by increasing h and by decreasing h;
    /// also on a grid of 10 per decade, where every fifth step is exactly on the window's edge.
    @Test func rootMeanSquareMinimumMatchesTheDefinition() {
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
                    let window = finite.filter { abs(log10($0.h) - log10(center.h)) <= 0.5 + 1e-9 }.map(\.error)
                    guard window.count >= 3 else { continue }
                    let value = (window.map { $0 * $0 }.reduce(0, +) / Double(window.count)).squareRoot()
                    if value < (expected?.error ?? .infinity) * (1 - 1e-12) { expected = (center.h, value) }
                }
                var streamed = RootMeanSquareMinimum(hIncreases: order)
                for row in given { streamed.add(h: row.h, error: row.error) }
                let got = streamed.finish()
                #expect(got?.h == expected?.h, "trial \(trial), h increasing: \(String(describing: order))")
                #expect(abs((got?.error ?? 0) - (expected?.error ?? 0)) <= 1e-12 * (expected?.error ?? 0))
            }
        }
    }
}
