import RealModule

/// The number systems every function in errsweep is written against, once.
///
/// A function written as `func f<T: Scalar>(_ x: T) -> T` evaluates unchanged in every method's
/// number system: IEEE floats for the difference stencils, `Complex` for the complex step,
/// `Dual` for forward-mode AD, `Tracked` for reverse-mode AD and `BigFloat` (MPFR) for the truth.
///
/// The constraint is deliberately the pair `ElementaryFunctions & AlgebraicField`, not `Real`:
/// `Complex<T>` conforms to the pair but is not ordered, so it cannot be `Real`. Constants enter
/// through integer literals (exact in every system); a non-integer constant is written as a ratio
/// of integers (`1 / 2`), which is exact wherever the ratio is.
public typealias Scalar = ElementaryFunctions & AlgebraicField
