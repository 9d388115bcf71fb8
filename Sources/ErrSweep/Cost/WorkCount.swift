/// What computing a derivative took, counted by kind — evaluations of f, passes of a number system
/// through it, recordings and backward passes — with what the counts leave out (the step, what the
/// passes compute). A table prints it as "2 recordings + 2 backward passes (Hessian-vector
/// products)"; a test or a program reads the counts.
public struct WorkCount: Sendable, Equatable, CustomStringConvertible {
    /// One kind of work, named in the singular.
    public enum Kind: String, Sendable, CaseIterable {
        /// f evaluated in the working precision.
        case evaluation = "evaluation"
        /// f evaluated in complex numbers (`ComponentwiseComplex`).
        case complexEvaluation = "complex evaluation"
        /// f evaluated in dual numbers, a tangent carried through it.
        case dualPass = "dual pass"
        /// f evaluated in duals carrying a chunk of tangents at once (`ChunkDual`).
        case vectorDualPass = "vector dual pass"
        /// f evaluated in duals of complex numbers.
        case complexDualPass = "complex dual pass"
        /// f evaluated in duals of duals.
        case hyperDualPass = "hyper-dual pass"
        /// f recorded on a tape.
        case recording = "recording"
        /// One backward pass over a recording, adjoints accumulated.
        case backwardPass = "backward pass"
        /// A whole gradient by reverse AD: a recording and a backward pass.
        case gradient = "gradient"
        /// A derivative estimated from f's values by errsweep's black-box estimator, with its own
        /// step search (`estimateDerivative`).
        case estimate = "estimate"

        /// The name for `count` of it: "1 dual pass", "3 dual passes".
        public func named(_ count: Int) -> String {
            "\(count) " + rawValue + (count == 1 ? "" : rawValue.hasSuffix("s") ? "es" : "s")
        }
    }

    /// A count of one kind.
    public struct Part: Sendable, Equatable {
        /// How many.
        public var count: Int
        /// Of what.
        public var kind: Kind
    }

    /// The counts, in the order they are said.
    public var parts: [Part]
    /// What the counts do not say: the step, or what the passes compute.
    public var detail: String?

    /// Work of the given kinds and counts, with a detail said after them in parentheses.
    public init(_ parts: KeyValuePairs<Kind, Int>, detail: String? = nil) {
        self.parts = parts.map { Part(count: $0.value, kind: $0.key) }
        self.detail = detail
    }

    /// How many of `kind` the work took; 0 if none.
    public func count(of kind: Kind) -> Int {
        parts.filter { $0.kind == kind }.map(\.count).reduce(0, +)
    }

    /// The same work with a detail said after it.
    public func detailed(_ detail: String) -> WorkCount {
        var work = self
        work.detail = [self.detail, detail].compactMap { $0 }.joined(separator: "; ")
        return work
    }

    /// The counts joined by " + ", each named in the singular or plural, the detail after them.
    public var description: String {
        parts.map { $0.kind.named($0.count) }.joined(separator: " + ") + (detail.map { " (\($0))" } ?? "")
    }
}
