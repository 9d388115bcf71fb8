/// The Jacobian of a user's vector function, its products, and a check of a Jacobian written by
/// hand against the exact one.

/// The Jacobian of f at `x`, k rows of n: reverse mode (one recording, k sweeps) where there are
/// fewer outputs than inputs, vector forward mode (⌈n/8⌉ passes) otherwise — the side of the
/// crossover `errsweep cost --outputs` measures.
public func jacobian<Function: VectorFunction>(of f: Function, at x: [Double]) -> [[Double]] {
    JacobianEvaluator(f).jacobian(f.outputCount < f.inputCount ? .reverseAD : .vectorForwardAD, at: x).matrix.dense
}

/// J·u at `x` by forward AD: one dual pass, no Jacobian formed.
public func jacobianVectorProduct<Function: VectorFunction>(of f: Function, at x: [Double], _ u: [Double]) -> [Double] {
    JacobianEvaluator(f).jacobianVectorProduct(at: x, u)
}

/// vᵀJ at `x` by reverse AD: one recording, one sweep seeded with v, no Jacobian formed.
public func vectorJacobianProduct<Function: VectorFunction>(of f: Function, at x: [Double], _ v: [Double]) -> [Double] {
    JacobianEvaluator(f).vectorJacobianProduct(at: x, v)
}

/// Checks a Jacobian written by hand (or by another tool) against f's exact Jacobian, proved
/// entry by entry (`JacobianTruth`), at every point: each entry further than `toleranceUlps`
/// is named, the worst first; an entry with no truth is reported, never passed.
public func checkJacobian<Function: VectorFunction>(
    of f: Function, jacobian: ([Double]) -> [[Double]], at points: [[Double]], toleranceUlps: Double = 8
) -> DerivativeCheck {
    var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [DerivativeCheck.Unchecked] = [], checked = 0
    for point in points {
        let actual = jacobian(point)
        guard actual.count == f.outputCount, actual.allSatisfy({ $0.count == point.count }) else {
            unchecked.append(DerivativeCheck.Unchecked(point, "the Jacobian is not \(f.outputCount) rows of \(point.count)"))
            continue
        }
        let truth = JacobianTruth(f, at: point, pattern: .dense(rows: f.outputCount, columns: point.count))
        for (i, row) in truth.entries.enumerated() {
            for (j, entry) in row.enumerated() {
                switch entry {
                case .success(let exact):
                    checked += 1
                    let ulps = actual[i][j].ulpDistance(to: exact.rounded)
                    if !(ulps <= toleranceUlps) {
                        mismatches.append(.init(point: point, component: j, actual: actual[i][j], expected: exact.rounded, ulps: ulps, row: i))
                    }
                case .failure(let failure):
                    unchecked.append(DerivativeCheck.Unchecked(point, "entry (\(i), \(j)): " + failure.reason))
                }
            }
        }
    }
    mismatches.sort { $0.ulps > $1.ulps }
    return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .exact)
}
