/// What a black-box derivative algorithm answers from f's values alone: its estimate of f′(x),
/// the error it claims for it, the evaluations of f it made, and whether it could answer at all.
public struct DerivativeEstimate<T: WorkingFloat>: Sendable, Equatable {
    /// Why an algorithm could not answer, or that it could (`EstimateStatus`).
    public typealias Status = EstimateStatus

    /// The estimate of f′(x); NaN when there is none.
    public var value: T
    /// The error the algorithm claims, |estimate − f′(x)| ≤ bound; +∞ when it claims nothing.
    public var bound: T
    /// Evaluations of f made.
    public var evaluations: Int
    /// Whether the algorithm answered, or why it could not.
    public var status: Status

    /// An estimate as an algorithm reports it.
    public init(value: T, bound: T, evaluations: Int, status: Status) {
        self.value = value
        self.bound = bound
        self.evaluations = evaluations
        self.status = status
    }

    /// No answer, for the reason given.
    static func none(_ status: Status, evaluations: Int) -> DerivativeEstimate {
        DerivativeEstimate(value: .nan, bound: .infinity, evaluations: evaluations, status: status)
    }
}

/// Why an algorithm could not give a trustworthy answer, or that it could.
public enum EstimateStatus: String, Sendable, Equatable, CaseIterable {
    /// The estimate comes with a bound the algorithm stands behind.
    case ok
    /// f was NaN or infinite at every step the algorithm tried: x is outside the domain, or
    /// too close to its edge for any step.
    case outOfDomain = "out-of-domain"
    /// f's noise (its rounding, or a lower precision inside it) is above the change of f at
    /// every step tried, or f never changed: no digit of the estimate can be trusted.
    case noiseAboveSignal = "noise-above-signal"
    /// The estimates did not settle as the step shrank: f is not differentiable here, or
    /// changes too fast for any step tried.
    case noConvergence = "no-convergence"
    /// f is finite, but its differences are not: f′ is beyond the working precision's range.
    case overflow

    /// What the status means, in words for a report.
    public var explanation: String {
        switch self {
        case .ok: "answered with a bound"
        case .outOfDomain: "f was NaN or infinite at every step tried"
        case .noiseAboveSignal: "f's noise was above its change at every step tried, or f never changed"
        case .noConvergence: "the estimates did not settle (not differentiable here, or too fast a change)"
        case .overflow: "f′ is beyond the working precision's range"
        }
    }
}

/// f as a black box, counting its evaluations: what every estimator receives.
struct CountedFunction<T> {
    let f: (T) -> T
    private(set) var evaluations = 0

    init(_ f: @escaping (T) -> T) { self.f = f }

    mutating func callAsFunction(_ x: T) -> T {
        evaluations += 1
        return f(x)
    }
}
