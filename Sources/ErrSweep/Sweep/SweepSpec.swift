/// Everything a sweep measures: one function at some points, by some methods, in some
/// precisions, over a grid of steps.
public struct SweepSpec: Sendable {
    public var function: any CatalogFunction
    public var points: [Double]
    public var methods: [DerivativeMethod]
    public var precisions: [Precision]
    public var steps: Steps
    /// Difference stencils use h′ = (x + h) − x, the step the working precision can actually take
    /// from x, instead of h (Press et al., *Numerical Recipes*, 3rd ed., §5.7).
    public var exactStep: Bool
    /// Whether each error is split exactly into truncation and rounding (the costly part: the
    /// method evaluated again in MPFR); a landscape of total errors does without.
    public var splitsErrors: Bool = true

    public init(
        function: any CatalogFunction,
        points: [Double]? = nil,
        methods: [DerivativeMethod] = DerivativeMethod.allCases,
        precisions: [Precision] = [.double],
        steps: Steps,
        exactStep: Bool = false
    ) {
        self.function = function
        self.points = points ?? function.defaultPoints
        self.methods = methods
        self.precisions = precisions
        self.steps = steps
        self.exactStep = exactStep
    }

    /// The number of measurements the sweep makes: one per point, method, precision and step.
    public var measurementCount: Int { points.count * methods.count * precisions.count * steps.count }
}
