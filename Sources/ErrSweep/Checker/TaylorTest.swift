/// The Taylor test of a gradient (the test dolfin-adjoint's `taylor_test` and PETSc's
/// `-tao_test_gradient` run; Farrell, Ham, Funke & Rognes, SIAM J. Sci. Comput. 35(4), 2013, §5):
/// along a direction v, the residual
///
///     r₁(ε) = |f(x + εv) − f(x) − ε ∇f·v|
///
/// falls as ε² when the gradient is right (the remainder ½ε²vᵀHv) and only as ε when it is wrong
/// (ε·|(∇f − g)·v| is left). No tolerance is needed: the slope of log r₁ against log ε says it,
/// and a noisy or black-box f is fine as long as some ε lifts r₁ above its rounding.
///
/// ε runs from 2⁻⁴·max(‖x‖∞, 1)/‖v‖∞ down by halves, 24 steps at most, stopping where x + εv
/// equals x. The order is fitted by least squares over the smallest ε whose residual still stands
/// ten times above f's rounding (16ε|f|; three times where fewer than three do), four at most:
/// the steps nearest the limit that the arithmetic can still see (`OrderFit`, three at least).
public struct TaylorTest: Sendable, CustomStringConvertible {
    /// One step: ε, the zeroth-order residual |f(x + εv) − f(x)| and the first-order one r₁.
    public struct Step: Sendable, Equatable {
        public var epsilon: Double
        public var zerothOrder: Double
        public var firstOrder: Double
    }

    public var steps: [Step]
    /// The fitted order of r₁; nil where r₁ never rose above f's rounding (f is linear along v
    /// to the working precision, and the gradient agrees with it there).
    public var order: Double?
    /// The steps the order was fitted over.
    public var fitted: Range<Int>
    /// ∇f·v as the gradient under test gives it.
    public var directional: Double

    /// Whether r₁ falls as ε²: a fitted order above 1.5 (2 for a right gradient, 1 for a wrong
    /// one), or a residual that never left the rounding.
    public var passed: Bool { order.map { $0 > 1.5 } ?? true }

    public var description: String {
        guard let order else {
            return "Taylor test: the residual stayed at f's rounding at every ε (f is linear along the direction to this precision); the gradient agrees"
        }
        let verdict = passed ? "falls as ε², the gradient is consistent with f" : "falls only as ε^\(NumberFormat.fixed(order)): the gradient is wrong along this direction"
        let range = "ε from \(NumberFormat.scientific(steps[fitted.lowerBound].epsilon)) to \(NumberFormat.scientific(steps[fitted.upperBound - 1].epsilon))"
        return "Taylor test: fitted order \(NumberFormat.fixed(order)) over \(range); the residual \(verdict)"
    }
}

/// The Taylor test of `gradient` (∇f at x, as the code under test gives it) along `direction`
/// (by default a random one: each component uniform in [−1, 1], from `seed`).
public func taylorTest<T: WorkingFloat>(
    of f: ([T]) -> T, gradient: [T], at x: [T], direction: [T]? = nil, seed: UInt64 = 1
) -> TaylorTest {
    precondition(gradient.count == x.count, "the gradient has \(gradient.count) components for \(x.count) variables")
    var random = SplitMix(seed: seed)
    let v = direction ?? x.map { _ in T(2 * random.unit() - 1) }
    let directional = zip(gradient, v).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    let fx = Double(f(x))
    let largest = Double(v.map(abs).max() ?? 1)
    var epsilon = 0x1p-4 * max(Double(x.map(abs).max() ?? 0), 1) / largest
    var steps: [TaylorTest.Step] = [], floors: [Double] = []
    for _ in 0..<24 {
        let moved = zip(x, v).map { $0 + T(epsilon) * $1 }
        if moved == x { break }
        let fMoved = Double(f(moved))
        let change = fMoved - fx
        steps.append(.init(epsilon: epsilon, zerothOrder: abs(change), firstOrder: abs(change - epsilon * directional)))
        floors.append(16 * Double(T.ulpOfOne) * max(abs(fx), abs(fMoved)))
        epsilon /= 2
    }
    // The smallest ε standing above the rounding: the last run of steps clear of the floor.
    func clear(by factor: Double) -> Range<Int> {
        guard let last = steps.indices.last(where: { steps[$0].firstOrder > factor * floors[$0] }) else { return 0..<0 }
        var first = last
        while first > 0, last - first < 3, steps[first - 1].firstOrder > factor * floors[first - 1] { first -= 1 }
        return first..<(last + 1)
    }
    var fitted = clear(by: 10)
    if fitted.count < 3 { fitted = clear(by: 3) }
    let slope = OrderFit.slope(fitted.map { (steps[$0].epsilon, steps[$0].firstOrder) })
    return TaylorTest(steps: steps, order: slope, fitted: fitted, directional: directional)
}
