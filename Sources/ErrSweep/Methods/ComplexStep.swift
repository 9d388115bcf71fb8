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
    /// The step every complex-step derivative takes where no sweep chooses one (gradients,
    /// Jacobians, Hessians, the derivative checker): far below any truncation (h²f‴/6 is 10⁻⁴⁰ of
    /// f‴), and h·f′ stays normal for |f′| above 10⁻²⁸⁸.
    public static let fixedStep = 1e-20

    /// Im f(x + ih)/h, with f evaluated in `ComponentwiseComplex`.
    @inlinable
    public static func derivative<T: WorkingFloat>(
        of f: (ComponentwiseComplex<T>) -> ComponentwiseComplex<T>, at x: T, step h: T
    ) -> T {
        f(ComponentwiseComplex(x, h)).imaginary / h
    }

    /// f″(x) ≈ 2(f(x) − Re f(x + ih))/h²: from Re f(x + ih) = f(x) − h²f″(x)/2 + h⁴f⁽⁴⁾(x)/24 − …,
    /// so the truncation is −h²f⁽⁴⁾/12 + h⁴f⁽⁶⁾/360 − …. Unlike f′ it subtracts two values that
    /// agree to h²f″/2, and loses ε|f|/h² to rounding like a second difference (Martins, Sturdza
    /// & Alonso 2003, §2; Lantoine, Russell & Dargent, ACM TOMS 38(3), 2012, §1).
    @inlinable
    public static func secondDerivative<T: WorkingFloat>(
        of f: (ComponentwiseComplex<T>) -> ComponentwiseComplex<T>, value fx: T, at x: T, step h: T
    ) -> T {
        2 * (fx - f(ComponentwiseComplex(x, h)).real) / (h * h)
    }
}
