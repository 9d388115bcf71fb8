/// How a method's error moves with the step h, for the K-th derivative: the one fact the
/// baseline, the recommendation and the reports need to know about a method to read its sweep.
extension DerivativeMethod {
    /// The shape of a method's error against h.
    public enum ErrorShape: Sendable, Equatable {
        /// Error against h is a V: truncation falls as h shrinks, rounding grows as 1/hᴷ, because
        /// the method subtracts values of f (every stencil, and the complex step for f″, which
        /// subtracts f(x) from Re f(x + ih)). Its best single step is chance; the bottom of the V
        /// is what to compare.
        case v
        /// Truncation falls with h onto a floor of rounding that does not grow: no subtraction
        /// (the complex step for f′, the multicomplex step). Its best error is the floor.
        case floor
        /// No step at all, exact up to rounding (forward, reverse and Taylor-mode AD): a floor
        /// at every h.
        case exact
    }

    /// The shape of this method's error for the K-th derivative (Lyness & Moler 1967 and
    /// Squire & Trapp 1998 for the complex step's f′ without subtraction; Abreu et al. 2013 for
    /// its f″, which subtracts).
    public func errorShape(derivative k: Int = 1) -> ErrorShape { scheme.errorShape(derivative: k) }
}
