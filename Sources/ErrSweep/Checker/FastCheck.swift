/// PyTorch's "fast mode", with the reference exact: instead of all n·k entries of a Jacobian (or
/// n components of a gradient), the derivative under test is checked along random directions —
/// wᵀJu against wᵀ(J u) from the code under test, wᵀJu proved by one forward pass of `Dual` over
/// `Ball` with tangent u (n times cheaper than the full check) — and, where a direction
/// disagrees, the wrong column is found by bisection, a pass for each half of a shrinking range
/// (2·log₂ n passes for one wrong column), and the wrong entries in it by proving that column.
///
/// u and w have random signs ±1 (Rademacher), so wᵀ(J − J*)u sums the entries' errors with random
/// signs. A direction accepts a gap within τ = `toleranceUlps`·Σ ulp(Jᵢⱼ) + 2 ulps of wᵀJu (every
/// entry that far off, in the worst alignment). An error E whose largest entry exceeds τ is
/// missed by one direction with probability at most ½ — fix every sign but that entry's column's,
/// and wᵀEu takes two values 2|(wᵀE)ⱼ| apart, so at most one falls within τ; the same for its
/// row — and by `directions` independent ones with probability at most 2^−directions. One wrong
/// entry is never missed: |wᵀEu| = |Eᵢⱼ|.
public func checkJacobianFast<Function: VectorFunction>(
    of function: Function, jacobian: ([Double]) -> [[Double]], at x: [Double], directions: Int = 10,
    toleranceUlps: Double = 8, seed: UInt64 = 1
) -> DerivativeCheck {
    let actual = jacobian(x)
    guard actual.count == function.outputCount, actual.allSatisfy({ $0.count == x.count }) else {
        return DerivativeCheck(mismatches: [], unchecked: [DerivativeCheck.Unchecked(x, "the Jacobian is not \(function.outputCount) rows of \(x.count)")],
                               toleranceUlps: toleranceUlps, checked: 0, reference: .exact)
    }
    return FastCheck(outputs: { function($0) }, actual: actual, x: x, toleranceUlps: toleranceUlps).run(directions: directions, seed: seed)
}

/// Fast mode for a gradient (`checkJacobianFast` with one output): the wrong components named.
public func checkGradientFast<Function: MultivariateScalarFunction>(
    of function: Function, gradient: ([Double]) -> [Double], at x: [Double], directions: Int = 10,
    toleranceUlps: Double = 8, seed: UInt64 = 1
) -> DerivativeCheck {
    let g = gradient(x)
    guard g.count == x.count else {
        return DerivativeCheck(mismatches: [], unchecked: [DerivativeCheck.Unchecked(x, "the gradient has \(g.count) components for \(x.count) variables")],
                               toleranceUlps: toleranceUlps, checked: 0, reference: .exact)
    }
    var check = FastCheck(outputs: { [function($0)] }, actual: [g], x: x, toleranceUlps: toleranceUlps).run(directions: directions, seed: seed)
    check.mismatches = check.mismatches.map { var m = $0; m.row = nil; return m }
    return check
}

/// The engine of both: f's outputs over `Dual<Ball>`, the Jacobian under test, the point.
struct FastCheck {
    let outputs: ([Dual<Ball>]) -> [Dual<Ball>]
    let actual: [[Double]]
    let x: [Double]
    let toleranceUlps: Double

    /// wᵀJu proved, with u restricted to `columns`; nil where it is not resolved.
    func exact(_ w: [Double], _ u: [Double], columns: Range<Int>) -> Double? {
        let truth = Truth<Double>.proved { bits in
            BigFloat.withLiteralPrecision(bits) {
                let out = outputs(x.indices.map { j in Dual(Ball(x[j].exact, precision: bits), tangent: Ball(columns.contains(j) ? u[j] : 0, precision: bits)) })
                return zip(w, out).reduce(Ball(0, precision: bits)) { $0 + Ball($1.0, precision: bits) * $1.1.tangent }
            }
        }
        return try? truth.get().rounded
    }

    /// wᵀ(J u) from the Jacobian under test, with u restricted to `columns`, summed with
    /// Neumaier's compensation (Neumaier, ZAMM 54, 1974), and the gap τ it may have.
    func tested(_ w: [Double], _ u: [Double], columns: Range<Int>) -> (value: Double, tolerance: Double) {
        var sum = 0.0, compensation = 0.0, tolerance = 0.0
        for i in actual.indices where w[i] != 0 {
            for j in columns where u[j] != 0 {
                let term = w[i] * actual[i][j] * u[j], next = sum + term
                compensation += abs(sum) >= abs(term) ? (sum - next) + term : (term - next) + sum
                sum = next
                tolerance += toleranceUlps * actual[i][j].ulp
            }
        }
        return (sum + compensation, tolerance)
    }

    /// Whether the direction disagrees on `columns` (an unresolved reference counts as agreeing:
    /// it is reported where it arises).
    func disagrees(_ w: [Double], _ u: [Double], columns: Range<Int>) -> Bool {
        guard let expected = exact(w, u, columns: columns) else { return false }
        let test = tested(w, u, columns: columns)
        return !(abs(test.value - expected) <= test.tolerance + 2 * expected.ulp)
    }

    /// The columns of `range` that hold an error, halving while a half disagrees.
    func locate(_ w: [Double], _ u: [Double], _ range: Range<Int>, into found: inout [Int]) {
        guard found.count < 5 else { return }
        if range.count == 1 { found.append(range.lowerBound); return }
        let middle = range.lowerBound + range.count / 2
        for half in [range.lowerBound..<middle, middle..<range.upperBound] where disagrees(w, u, columns: half) { locate(w, u, half, into: &found) }
    }

    func run(directions: Int, seed: UInt64) -> DerivativeCheck {
        var random = SplitMix(seed: seed)
        var mismatches: [DerivativeCheck.Mismatch] = [], unchecked: [DerivativeCheck.Unchecked] = [], checked = 0
        for _ in 0..<directions {
            let u = x.map { _ in random.next() & 1 == 0 ? 1.0 : -1.0 }, w = actual.map { _ in random.next() & 1 == 0 ? 1.0 : -1.0 }
            guard let expected = exact(w, u, columns: x.indices) else {
                unchecked.append(DerivativeCheck.Unchecked(x, "wᵀJu is not resolved along a random direction (f or its derivative undefined, or cancelling beyond the cap)"))
                break
            }
            checked += 1
            let test = tested(w, u, columns: x.indices)
            guard !(abs(test.value - expected) <= test.tolerance + 2 * expected.ulp) else { continue }
            var columns: [Int] = []
            locate(w, u, x.indices, into: &columns)
            for j in columns {
                for i in actual.indices {
                    let unit = actual.indices.map { $0 == i ? 1.0 : 0 }
                    let entry = exact(unit, x.indices.map { $0 == j ? 1.0 : 0 }, columns: j..<(j + 1)) ?? .nan
                    if !(actual[i][j].ulpDistance(to: entry) <= toleranceUlps) {
                        mismatches.append(.init(point: x, component: j, actual: actual[i][j], expected: entry, ulps: actual[i][j].ulpDistance(to: entry),
                                                row: i, referenceBound: entry.ulp / 2, test: .fast))
                    }
                }
            }
            if mismatches.isEmpty {
                mismatches.append(.init(point: x, component: nil, actual: test.value, expected: expected, ulps: test.value.ulpDistance(to: expected),
                                        referenceBound: test.tolerance, test: .fast))
            }
            break
        }
        let entries = actual.count * x.count
        let note = "fast mode: \(checked) random ±1 direction\(checked == 1 ? "" : "s") instead of \(entries) \(actual.count == 1 ? "components" : "entries"); "
            + "an error above \(NumberFormat.scientific(wholeTolerance)) in any one is missed with probability at most 2^−\(checked)"
        return DerivativeCheck(mismatches: mismatches, unchecked: unchecked, toleranceUlps: toleranceUlps, checked: checked, reference: .exact, notes: [note])
    }

    /// τ over the whole Jacobian.
    var wholeTolerance: Double { toleranceUlps * actual.joined().map(\.ulp).reduce(0, +) }
}
