import ComplexModule
import RealModule

/// The complex-step derivative f′(x) ≈ Im f(x + ih) / h.
///
/// For f analytic and real on the real axis, f(x + ih) = f(x) + ih·f′(x) − h²f″(x)/2 − ih³f‴(x)/6
/// + …, so the imaginary part carries f′(x) with a truncation error of h²f‴(x)/6 and no
/// subtraction at all: no cancellation, and h can be as small as 1e−200 (Squire & Trapp, SIAM
/// Review 40(1), 1998; Martins, Sturdza & Alonso, ACM TOMS 29(3), 2003).
public enum ComplexStep {
    public static func derivative<T: WorkingFloat>(
        of f: (Complex<T>) -> Complex<T>, at x: T, step h: T
    ) -> T {
        f(Complex(x, h)).imaginary / h
    }
}
