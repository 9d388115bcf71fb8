/// Forward- and reverse-mode automatic differentiation of a function of one variable.
public enum AutomaticDerivative {
    /// f′(x) from one evaluation in dual numbers, seeded with tangent 1.
    @inlinable
    public static func forward<T: Scalar>(of f: (Dual<T>) -> Dual<T>, at x: T) -> T {
        f(Dual(x, tangent: 1)).tangent
    }

    /// f′(x) from one recording of f on a tape and one backward pass.
    @inlinable
    public static func reverse<T: Scalar>(of f: (Tracked<T>) -> Tracked<T>, at x: T) -> T {
        Tape<T>().derivative(at: x, of: f)
    }

    /// f⁽ᴷ⁾(x), K = 1…4, from one evaluation in duals nested K deep: x + ε₁ + … + εₖ with
    /// εᵢ² = 0, whose ε₁ε₂…εₖ coefficient is f⁽ᴷ⁾(x). For K = 2 these are Fike and Alonso's
    /// hyper-dual numbers ("The development of hyper-dual numbers for exact second-derivative
    /// calculations", AIAA 2011-886), as a `Dual` of `Dual`s. Each level doubles the components,
    /// and a product costs 3ᴷ products of T.
    @inlinable
    public static func forward<T: Scalar>(derivative k: Int, of f: some GenericFunction, at x: T) -> T {
        switch k {
        case 1: f(Dual(x, tangent: 1)).tangent
        case 2: f(Dual(Dual(x, tangent: 1), tangent: 1)).tangent.tangent
        case 3: f(Dual(Dual(Dual(x, tangent: 1), tangent: 1), tangent: 1)).tangent.tangent.tangent
        case 4: f(Dual(Dual(Dual(Dual(x, tangent: 1), tangent: 1), tangent: 1), tangent: 1)).tangent.tangent.tangent.tangent
        default: preconditionFailure("derivatives 1 to 4 only, not \(k)")
        }
    }

    /// f⁽ᴷ⁾(x), K = 1…4, forward over reverse: f recorded on a tape whose values are duals nested
    /// K − 1 deep, then one backward pass. The adjoint of x is the derivative of f′ along the
    /// seeded tangents, whose ε₁…εₖ₋₁ coefficient is f⁽ᴷ⁾(x) (Pearlmutter, "Fast exact
    /// multiplication by the Hessian", Neural Computation 6(1), 1994, for K = 2).
    @inlinable
    public static func reverse<T: Scalar>(derivative k: Int, of f: some GenericFunction, at x: T) -> T {
        switch k {
        case 1: Tape<T>().derivative(at: x, of: { f($0) })
        case 2: Tape<Dual<T>>().derivative(at: Dual(x, tangent: 1), of: { f($0) }).tangent
        case 3: Tape<Dual<Dual<T>>>().derivative(at: Dual(Dual(x, tangent: 1), tangent: 1), of: { f($0) }).tangent.tangent
        case 4: Tape<Dual<Dual<Dual<T>>>>().derivative(
                at: Dual(Dual(Dual(x, tangent: 1), tangent: 1), tangent: 1), of: { f($0) }).tangent.tangent.tangent
        default: preconditionFailure("derivatives 1 to 4 only, not \(k)")
        }
    }
}

extension AutomaticDerivative {
    /// f⁽ᴷ⁾(x) from one evaluation in a Taylor series of degree K (Taylor mode: `Taylor`).
    @inlinable
    public static func taylor<T: Scalar>(derivative k: Int, of f: some GenericFunction, at x: T) -> T {
        f(Taylor(x, degree: k)).derivative(k)
    }
}

/// A function of one variable written once for every number system, as the catalog's are: what
/// nested duals and tapes need, since a closure cannot be generic.
public protocol GenericFunction {
    /// f(x) in any number system.
    func callAsFunction<T: Scalar>(_ x: T) -> T
}
