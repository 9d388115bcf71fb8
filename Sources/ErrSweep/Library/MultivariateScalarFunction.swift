/// A function of several variables written once over the scalar, for every number system: what
/// `checkGradient` needs, as `GenericFunction` is for one variable.
///
/// The capabilities are layered as swift-numerics layers `Real` on `ElementaryFunctions`: one
/// variable, `GenericFunction` (f alone) ← `ScalarFunction` (a name, perhaps a written f′) ←
/// `CatalogFunction` (the catalog's texts and points, f′ always written); several variables,
/// `MultivariateScalarFunction` (f alone) ← `MultivariateFunction` (a name, a written gradient,
/// sizes and points for the cost experiment). Several outputs are `VectorFunction`.
public protocol MultivariateScalarFunction: Sendable {
    /// f(x) for the variables `x`, written once for every number system.
    func callAsFunction<T: Scalar>(_ x: [T]) -> T
}
