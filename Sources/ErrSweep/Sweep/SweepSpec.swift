/// Everything a sweep measures: one derivative of one function at some points, by some methods,
/// in some precisions, over a grid of steps. Generic over the function, so a function whose type is
/// known is evaluated as itself; functions chosen at run time are swept as `AnyCatalogFunction`.
public struct SweepSpec<Function: CatalogFunction>: Sendable {
    public var function: Function
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
    /// The cap, in bits, on the precision of each point's proved truth (`Truth.proved`); a truth
    /// still unresolved there is flagged truth-unresolved.
    public var truthBits: Int = Truth<Double>.defaultMaximumBits
    /// K: the sweep measures f⁽ᴷ⁾, 1 to `DerivativeMethod.highestDerivative`; every method must
    /// compute it (`DerivativeMethod.computes(derivative:)`).
    public var derivative: Int

    /// What the sweep's files are called: the function's name, and `-dK` for K > 1
    /// (sigmoid-d2.csv beside sigmoid.csv).
    public var name: String { derivative == 1 ? function.name : "\(function.name)-d\(derivative)" }

    /// A sweep of `function`'s K-th derivative (`derivative`) at `points` (the function's own
    /// when nil) by `methods` (all that compute it when nil) in `precisions` over `steps`, with
    /// exact steps h′ = (x + h) − x when `exactStep`.
    public init(
        function: Function,
        points: [Double]? = nil,
        methods: [DerivativeMethod]? = nil,
        precisions: [Precision] = [.double],
        steps: Steps,
        exactStep: Bool = false,
        derivative: Int = 1
    ) {
        precondition((methods ?? []).allSatisfy { $0.computes(derivative: derivative) },
                     "every method must compute derivative \(derivative)")
        self.derivative = derivative
        self.function = function
        self.points = points ?? function.defaultPoints
        self.methods = methods ?? DerivativeMethod.all(derivative: derivative)
        self.precisions = precisions
        self.steps = steps
        self.exactStep = exactStep
    }

    /// The number of measurements the sweep makes: one per point, method, precision and step.
    public var measurementCount: Int { points.count * methods.count * precisions.count * steps.count }
}

extension SweepSpec where Function == AnyCatalogFunction {
    /// A sweep of a function chosen at run time (a catalog name, an expression).
    public init(
        function: any CatalogFunction,
        points: [Double]? = nil,
        methods: [DerivativeMethod]? = nil,
        precisions: [Precision] = [.double],
        steps: Steps,
        exactStep: Bool = false,
        derivative: Int = 1
    ) {
        self.init(function: AnyCatalogFunction(function), points: points, methods: methods, precisions: precisions,
                  steps: steps, exactStep: exactStep, derivative: derivative)
    }
}
