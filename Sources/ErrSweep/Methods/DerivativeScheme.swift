import Foundation

/// What a method is, in one place: how it computes f⁽ᴷ⁾(x) in a working precision and in exact
/// arithmetic, how its error behaves against h, and how it is named. `DerivativeMethod` is the
/// table from names to schemes (`DerivativeMethod.scheme`); the sweep, the error split, the
/// model, the reading, the recommendation, the baseline and the reports ask the scheme and never
/// the name. A new method is a new scheme in a file of its own and a line in the table.
protocol DerivativeScheme: Sendable {
    /// Whether the method computes the K-th derivative.
    func computes(derivative k: Int) -> Bool

    /// The shape of its error against h for the K-th derivative.
    func errorShape(derivative k: Int) -> DerivativeMethod.ErrorShape

    /// Its difference stencil for the K-th derivative: the weights and offsets of its samples,
    /// for the difference methods; nil for the others.
    func stencil(derivative k: Int) -> Stencil?

    /// f⁽ᴷ⁾(x) where the method takes no step (AD); nil for a method that takes one.
    func stepFreeEstimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T) -> T?

    /// f⁽ᴷ⁾(x) at the step h ≠ 0 in the working precision, with what it found; `truth` is f⁽ᴷ⁾(x)
    /// correctly rounded where it is known (a complex step flags the parts it pushed below the
    /// normal range).
    func estimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T, step h: T, truth: T?) -> (estimate: T, status: MeasurementStatus)

    /// What the method gives in real arithmetic for this x and h, enclosed in a ball at
    /// `precision` bits: the split's D_exact(h) (`ErrorSplit`).
    func exactValue(derivative k: Int, of f: any CatalogFunction, at x: BigFloat, step h: BigFloat, precision: Int) -> Ball

    /// How many times f(x)'s size, over hᴷ, the estimate carries through its differences: Σ|wᵢ|/d
    /// for a stencil, 0 where nothing is differenced. The split's noise floor scales with it.
    func sampleWeight(derivative k: Int) -> Double

    /// c₁ … c_count of its truncation D(h) − f⁽ᴷ⁾(x) = Σₖ cₖ·f⁽ᴷ⁺ᵏ⁾(x)·hᵏ (`TruncationSeries`);
    /// nil where there is no truncation.
    func truncationCoefficients(derivative k: Int, count: Int) -> [Double]?

    /// Its rounding model's parts for the K-th derivative (`ErrorModel.make`).
    func roundingModel(derivative k: Int, at point: RoundingPoint) -> RoundingModel

    /// How it computes a gradient of n variables (`GradientRule`): the cost experiment runs it.
    var gradientRule: GradientRule { get }

    /// The name in a title: "central difference", "complex step".
    var title: String { get }

    /// A one-line description of its formula for the K-th derivative.
    func summary(derivative k: Int) -> String

    /// The numbers f must accept: "floating-point" for a difference formula, "complex",
    /// "multicomplex", "dual".
    var numberSystem: String { get }

    /// Its colour in every chart, an index into the palette: the same method, the same colour.
    var chartColor: Int { get }

    /// Whether its line is dashed in a chart of every method: it lies on another's (reverse-mode
    /// AD on forward mode's), which must show through.
    var isDrawnDashed: Bool { get }

    /// Whether a sweep that names no methods runs it.
    var isInDefaultSweep: Bool { get }

    /// The mode of an AD method, whose roundings `ADErrorExplanation` follows; nil for the others.
    var automaticMode: AutomaticScheme.Mode? { get }
}

/// What a rounding model needs of f at x: |f(x)|, |f′(x)|, |f⁽ᴷ⁾(x)|, x, the working precision's
/// unit roundoff u, and whether steps are exact ((x + h) − x, `--exact-step`).
struct RoundingPoint {
    var value: Double
    var slope: Double
    var derivative: Double
    var x: Double
    var unitRoundoff: Double
    var exactStep: Bool
}

/// rounding(h) = scale · √(a₀ + a₁h + a₂h²) / h^power (`ErrorModel`).
struct RoundingModel {
    var power: Int
    var variance: (a0: Double, a1: Double, a2: Double)
    var scale: Double

    /// The rounding of f⁽ᴷ⁾ itself, for a method that subtracts nothing: u|f⁽ᴷ⁾(x)|/√3.
    static func ofTheDerivative(_ point: RoundingPoint) -> RoundingModel {
        RoundingModel(power: 0, variance: (point.derivative * point.derivative, 0, 0), scale: point.unitRoundoff / 3.0.squareRoot())
    }
}

extension DerivativeScheme {
    /// A method that takes a step has no step-free estimate.
    func stepFreeEstimate<T: WorkingFloat>(derivative k: Int, of f: some CatalogFunction, at x: T) -> T? { nil }

    func stencil(derivative k: Int) -> Stencil? { nil }

    var isInDefaultSweep: Bool { true }

    var isDrawnDashed: Bool { false }

    var automaticMode: AutomaticScheme.Mode? { nil }
}
