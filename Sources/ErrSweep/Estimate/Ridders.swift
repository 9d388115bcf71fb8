/// Ridders' method as Numerical Recipes' `dfridr` (Press et al., 3rd ed., §5.7, after Ridders,
/// Adv. Eng. Software 4(2), 1982): central differences at steps shrinking by CON = 1.4, extrapolated
/// to h → 0 in a Neville tableau of NTAB = 10 columns, each entry's error taken as its largest
/// difference from the two it came from; the entry of least error is the answer and that error its
/// bound, and the tableau stops once its diagonal grows by SAFE = 2 times the best error so far.
/// The published constants are kept; the first step, which the book leaves to the caller ("an
/// increment over which f changes substantially"), is h = 0.1·max(|x|, 1).
enum Ridders {
    static let con = 1.4, safe = 2.0, ntab = 10

    static func estimate<T: WorkingFloat>(_ f: @escaping (T) -> T, at x: T) -> DerivativeEstimate<T> {
        var f = CountedFunction(f)
        var hh = max(abs(x), 1) / 10
        let con = T(Self.con), con2 = con * con
        var a = Array(repeating: Array(repeating: T.nan, count: ntab), count: ntab)
        a[0][0] = (f(x + hh) - f(x - hh)) / (2 * hh)
        var err = T.greatestFiniteMagnitude, answer = T.nan
        for i in 1..<ntab {
            hh /= con
            a[0][i] = (f(x + hh) - f(x - hh)) / (2 * hh)
            var fac = con2
            for j in 1...i {
                a[j][i] = (a[j - 1][i] * fac - a[j - 1][i - 1]) / (fac - 1)
                fac *= con2
                let errt = max(abs(a[j][i] - a[j - 1][i]), abs(a[j][i] - a[j - 1][i - 1]))
                if errt <= err {
                    err = errt
                    answer = a[j][i]
                }
            }
            if abs(a[i][i] - a[i - 1][i - 1]) >= T(safe) * err { break }
        }
        // dfridr returns whatever the tableau held; a NaN anywhere leaves no comparison true.
        let settled = answer.isFinite && err.isFinite && err < .greatestFiniteMagnitude
        guard settled else {
            return .none(answer.isNaN && !a[0][0].isFinite ? .outOfDomain : .noConvergence, evaluations: f.evaluations)
        }
        return DerivativeEstimate(value: answer, bound: err, evaluations: f.evaluations, status: .ok)
    }
}
