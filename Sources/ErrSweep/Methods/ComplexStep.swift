import RealModule

/// The complex-step derivative f′(x) ≈ Im f(x + ih) / h.
///
/// For f analytic and real on the real axis, f(x + ih) = f(x) + ih·f′(x) − h²f″(x)/2 − ih³f‴(x)/6
/// + …, so the imaginary part carries f′(x) with a truncation error of h²f‴(x)/6 and no
/// subtraction at all: no cancellation, and h can be as small as 1e−200 (Squire & Trapp, SIAM
/// Review 40(1), 1998; Martins, Sturdza & Alonso, ACM TOMS 29(3), 2003). That holds only if f's
/// arithmetic gets the imaginary part right on its own, so f is evaluated in
/// `ComponentwiseComplex`, not in a complex type accurate only in norm.
public enum ComplexStep {
    /// Im f(x + ih)/h, with f evaluated in `ComponentwiseComplex`.
    @inlinable
    public static func derivative<T: WorkingFloat>(
        of f: (ComponentwiseComplex<T>) -> ComponentwiseComplex<T>, at x: T, step h: T
    ) -> T {
        f(ComponentwiseComplex(x, h)).imaginary / h
    }
}
