/// Wall time of a piece of work, in seconds, by the monotonic clock.
public enum Stopwatch {
    /// How long `body` takes, once.
    public static func seconds(_ body: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The steady-state time of `body`: one run first (it may grow buffers and fault in pages),
    /// then at least `minimumRuns` timed runs, more up to `maximumRuns` while they total less than
    /// `budget` seconds; their median. A first run longer than `budget` is the only one.
    public static func median(minimumRuns: Int = 5, maximumRuns: Int = 15, budget: Double = 0.2, _ body: () -> Void) -> (median: Double, minimum: Double, maximum: Double, runs: Int) {
        let first = seconds(body)
        guard first < budget else { return (first, first, first, 1) }
        var times: [Double] = []
        while times.count < minimumRuns || (times.count < maximumRuns && times.reduce(0, +) < budget) {
            times.append(seconds(body))
        }
        times.sort()
        return (times[times.count / 2], times[0], times[times.count - 1], times.count)
    }
}
