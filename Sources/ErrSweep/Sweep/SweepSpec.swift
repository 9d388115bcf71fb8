/// Everything a sweep measures: one function at some points, by some methods, in some
/// precisions, over a grid of steps.
public struct SweepSpec: Sendable {
    public var function: any CatalogFunction
    public var points: [Double]
    public var methods: [DerivativeMethod]
    public var precisions: [Precision]
    public var steps: [Double]

    public init(
        function: any CatalogFunction,
        points: [Double]? = nil,
        methods: [DerivativeMethod] = DerivativeMethod.allCases,
        precisions: [Precision] = [.double],
        steps: [Double]
    ) {
        self.function = function
        self.points = points ?? function.defaultPoints
        self.methods = methods
        self.precisions = precisions
        self.steps = steps
    }

    /// The number of measurements the sweep makes: one per point, method, precision and step.
    public var measurementCount: Int { points.count * methods.count * precisions.count * steps.count }
}
