/// f(x), f′(x), …, f⁽ⁿ⁾(x) in MPFR by nesting dual numbers n deep, with no derivative derived by
/// hand beyond the elementary rules.
///
/// Seeding each level with tangent 1 evaluates f(x + ε₁ + ε₂ + … + εₙ) with εᵢ² = 0; the
/// coefficient of any product of k distinct εᵢ is f⁽ᵏ⁾(x) (the k-th mixed partial of a function of
/// ε₁ + … + εₙ). n levels cost 2ⁿ components per value — a few milliseconds per point at n = 7,
/// paid once per point, not per step. The model of the K-th derivative needs n = 6 + K
/// (`order(for:methods:)`): central5's next term after a vanishing leading one; a formula of
/// order p > 4 needs p + 2 past K. Past 8 levels (2⁸ components, 3⁸ products in each product)
/// the jet comes from a Taylor series of `BigFloat` instead (`Taylor`), whose cost grows as n²,
/// not 3ⁿ: f⁽⁴⁾'s model needs 10 levels, 59 049 products a product.
public enum HigherDerivatives {
    /// The deepest jet the model of f′ needs.
    public static let highestOrder = 7

    /// The deepest jet the model of the K-th derivative needs: six orders past K, or two past
    /// the highest order of accuracy among `methods`.
    public static func order(for k: Int, methods: [DerivativeMethod] = []) -> Int {
        let accuracy = methods.compactMap { $0.stencil(derivative: k)?.order }.max() ?? 0
        return k + max(highestOrder - 1, accuracy + 2)
    }

    typealias D1 = Dual<BigFloat>
    typealias D2 = Dual<D1>
    typealias D3 = Dual<D2>
    typealias D4 = Dual<D3>
    typealias D5 = Dual<D4>
    typealias D6 = Dual<D5>
    typealias D7 = Dual<D6>
    typealias D8 = Dual<D7>

    /// [f(x), f′(x), …, f⁽ⁿ⁾(x)] at the precision of x (n = 7 at least).
    public static func at(_ x: BigFloat, of f: any CatalogFunction, through n: Int = highestOrder) -> [BigFloat] {
        switch n {
        case ...7: return jet(D7.self, x, f, n: 7)
        case 8: return jet(D8.self, x, f, n: 8)
        default:
            let series = BigFloat.withLiteralPrecision(x.precision) { f(Taylor(x, degree: n)) }
            return (0...n).map { series.derivative($0) }
        }
    }

    static func jet<D: Scalar & TaylorComponent>(_: D.Type, _ x: BigFloat, _ f: any CatalogFunction, n: Int) -> [BigFloat] {
        let value = BigFloat.withLiteralPrecision(x.precision) { f(D.seeded(x)) }
        return (0...n).map { value.component(tangents: $0) }
    }
}

/// A number nested from BigFloat by duals, seeded and read as a jet.
protocol TaylorComponent {
    /// x + ε₁ + … + εₙ, one ε per level.
    static func seeded(_ x: BigFloat) -> Self
    /// The coefficient of ε₁ε₂…εₖ: k tangents, then values.
    func component(tangents k: Int) -> BigFloat
}

extension BigFloat: TaylorComponent {
    static func seeded(_ x: BigFloat) -> BigFloat { x }
    func component(tangents k: Int) -> BigFloat { k == 0 ? self : 0 }
}

extension Dual: TaylorComponent where Value: TaylorComponent {
    static func seeded(_ x: BigFloat) -> Dual { Dual(Value.seeded(x), tangent: 1) }
    func component(tangents k: Int) -> BigFloat {
        k == 0 ? value.component(tangents: 0) : tangent.component(tangents: k - 1)
    }
}
