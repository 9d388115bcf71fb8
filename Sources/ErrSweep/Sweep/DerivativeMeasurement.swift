/// What one measurement found, when it is not a plain number.
public enum MeasurementStatus: String, Sendable, CaseIterable {
    /// Estimate and truth are both finite numbers.
    case ok
    /// f or f′ is undefined at a point the method needed (NaN): log of a negative number, say.
    case domain
    /// f or f′ is infinite in the working precision though finite in exact arithmetic
    /// (e^1000 in Double), at x or at a point the method needed.
    case overflow
    /// f or f′ is infinite at x even in exact arithmetic: a singularity (ln x at 0).
    case pole
    /// The step rounds to 0 in the working precision (1e−16 in Float16): no estimate.
    case stepUnderflow = "step-underflow"
    /// x + k·h == x in the working precision: the stencil differenced f at x itself.
    case stepBelowResolution = "step-below-resolution"
    /// The complex step's imaginary part h·f′(x) is below the normal range (5e−324 · f′ in
    /// Double): it keeps few significant bits, or none, and Im/h is that coarse or 0.
    case imaginaryUnderflow = "imaginary-underflow"
    /// The exact reference's ball still spans more than one value at the precision cap
    /// (`Truth.Failure.unresolved`): no error is measured against it.
    case truthUnresolved = "truth-unresolved"

    /// A sentence for reports and warnings.
    public var explanation: String {
        switch self {
        case .ok: "measured"
        case .domain: "f or f′ is undefined (NaN) at a point the method evaluates"
        case .overflow: "f or f′ overflows the working precision at a point the method evaluates"
        case .pole: "f or f′ is infinite at x: a singularity"
        case .stepUnderflow: "the step rounds to zero in this precision"
        case .stepBelowResolution: "x + h rounds to x in this precision, so the difference quotient is 0"
        case .imaginaryUnderflow: "the complex step's imaginary part h·f′ is subnormal or 0, so Im f(x + ih)/h keeps few or no bits"
        case .truthUnresolved: "the exact derivative's enclosure still spans more than one value at the precision cap, so no error is claimed"
        }
    }
}

/// One derivative estimate and how wrong it is.
public struct DerivativeMeasurement: Sendable, Equatable {
    public var function: String
    /// The point, as the working precision holds it.
    public var x: Double
    public var method: DerivativeMethod
    /// K: the measurement is of f⁽ᴷ⁾.
    public var derivative: Int
    public var precision: Precision
    /// The step, as the working precision holds it (AD rows carry the grid's step for alignment).
    public var h: Double
    /// The estimate of f⁽ᴷ⁾(x), in the working precision.
    public var estimate: WorkingValue
    /// f⁽ᴷ⁾(x) correctly rounded to the working precision; NaN where there is none.
    public var truth: WorkingValue
    /// The precision, in bits, at which the truth's ball proved `truth` (`Truth.bits`); 0 where
    /// there is no truth.
    public var truthBits: Int
    /// Why there is no truth, with its enclosure, where the status is truth-unresolved
    /// (`Truth.Failure.reason`); nil otherwise. Not a CSV column: the summary and report say it.
    public var truthFailure: String?
    /// |estimate − f⁽ᴷ⁾(x)| against the exact f⁽ᴷ⁾(x), rounded to Double.
    public var absoluteError: Double
    /// absoluteError / |f⁽ᴷ⁾(x)|; NaN when f⁽ᴷ⁾(x) = 0.
    public var relativeError: Double
    /// Representable numbers between the estimate and the rounded truth.
    public var ulps: Double
    /// estimate − f⁽ᴷ⁾(x) split into truncation and rounding; NaN parts where there is no estimate.
    public var split: ErrorSplit
    public var status: MeasurementStatus

    /// A measurement as the sweep makes it (or as a table is read back).
    public init(
        function: String, x: Double, method: DerivativeMethod, derivative: Int = 1, precision: Precision, h: Double,
        estimate: WorkingValue, truth: WorkingValue, truthBits: Int = 0, absoluteError: Double, relativeError: Double,
        ulps: Double, split: ErrorSplit = .unavailable, status: MeasurementStatus
    ) {
        self.function = function
        self.x = x
        self.method = method
        self.derivative = derivative
        self.precision = precision
        self.h = h
        self.estimate = estimate
        self.truth = truth
        self.truthBits = truthBits
        self.absoluteError = absoluteError
        self.relativeError = relativeError
        self.ulps = ulps
        self.split = split
        self.status = status
    }
}
