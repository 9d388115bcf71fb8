/// f(x), f′(x), …, f⁽⁷⁾(x) in MPFR by nesting dual numbers seven deep, with no derivative
/// derived by hand beyond the elementary rules.
///
/// Seeding each level with tangent 1 evaluates f(x + ε₁ + ε₂ + … + ε₇) with εᵢ² = 0; the
/// coefficient of any product of k distinct εᵢ is f⁽ᵏ⁾(x) (the k-th mixed partial of a function of
/// ε₁ + … + ε₇). Seven levels cost 2⁷ components per value — a few milliseconds per point, paid
/// once per point, not per step. Order 7 is the deepest any model needs: central5's next term
/// after a vanishing f⁽⁵⁾.
public enum HigherDerivatives {
    public static let highestOrder = 7

    typealias D1 = Dual<BigFloat>
    typealias D2 = Dual<D1>
    typealias D3 = Dual<D2>
    typealias D4 = Dual<D3>
    typealias D5 = Dual<D4>
    typealias D6 = Dual<D5>
    typealias D7 = Dual<D6>

    /// [f(x), f′(x), …, f⁽⁷⁾(x)] at the precision of x.
    public static func at(_ x: BigFloat, of f: any CatalogFunction) -> [BigFloat] {
        let seeded = D7(D6(D5(D4(D3(D2(D1(x, tangent: 1), tangent: 1), tangent: 1), tangent: 1), tangent: 1), tangent: 1), tangent: 1)
        let jet = BigFloat.withLiteralPrecision(x.precision) { f(seeded) }
        return (0...highestOrder).map { jet.component(tangents: $0) }
    }
}

/// Reads the coefficient of ε₁ε₂…εₖ out of nested duals: k tangents, then values.
protocol TaylorComponent {
    func component(tangents k: Int) -> BigFloat
}

extension BigFloat: TaylorComponent {
    func component(tangents k: Int) -> BigFloat { k == 0 ? self : 0 }
}

extension Dual: TaylorComponent where Value: TaylorComponent {
    func component(tangents k: Int) -> BigFloat {
        k == 0 ? value.component(tangents: 0) : tangent.component(tangents: k - 1)
    }
}
