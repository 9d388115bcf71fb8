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
}
