import ErrSweep
import Logistic

// Sweep softsign at two points with every method, and say which is best at each.
let result = ErrSweep.sweep(Softsign(), at: [0.5, 3])
for x in [0.5, 3.0] {
    let best = result.analysis.entries
        .filter { $0.x == x }
        .compactMap { entry in entry.best.map { (entry.method, $0) } }
        .min { $0.1.absoluteError < $1.1.absoluteError }!
    print("softsign′(\(x)): best \(best.0.rawValue), \(best.1.ulps) ulps at h = \(best.1.h)")
}
// Softsign's own derivative, checked by the sweep against the exact one.
if let written = result.derivativeCheck { print("the written derivative: \(written)") }
