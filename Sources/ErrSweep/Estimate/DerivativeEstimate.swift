/// What a black-box derivative algorithm answers from f's values alone: its estimate of f′(x),
/// the error it claims for it, the evaluations of f it made, and whether it could answer at all.
struct DerivativeEstimate: Sendable, Equatable {
    /// Why an algorithm could not give a trustworthy answer, or that it could.
    enum Status: String, Sendable, Equatable {
        case ok
        /// f was NaN or infinite at every step the algorithm tried: x is outside the domain, or
        /// too close to its edge for any step.
        case outOfDomain = "out-of-domain"
        /// The estimates did not settle: f is not differentiable here, or its noise is above the
        /// signal at every step tried.
        case noConvergence = "no-convergence"
    }

    /// The estimate of f′(x); NaN when there is none.
    var value: Double
    /// The error the algorithm claims, |estimate − f′(x)| ≤ bound; +∞ when it claims nothing.
    var bound: Double
    /// Evaluations of f made.
    var evaluations: Int
    var status: Status
}

/// f as a black box, counting its evaluations: what every estimator receives.
struct CountedFunction {
    let f: (Double) -> Double
    private(set) var evaluations = 0

    init(_ f: @escaping (Double) -> Double) { self.f = f }

    mutating func callAsFunction(_ x: Double) -> Double {
        evaluations += 1
        return f(x)
    }
}
