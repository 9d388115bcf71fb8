import ComplexModule
import Foundation

/// How a method of one derivative computes a gradient of n variables: the number system it
/// evaluates f in, and so how many evaluations or passes the gradient takes. A scheme says which
/// rule is its own (`DerivativeScheme.gradientRule`); the cost experiment runs the rule, so a new
/// method that differentiates in a number system already here — real and complex samples of f,
/// duals, a tape — needs nothing more than its scheme.
///
/// The rule is a value the experiment switches on, not a scheme it calls through `any`: called
/// through an existential, f's generic body would run unspecialised, and the experiment would time
/// errsweep's dispatch instead of the method (`CostExperiment`).
@usableFromInline
enum GradientRule: Sendable, Equatable {
    /// Samples of f along each axis (`Samples`): a difference formula, the complex step, the
    /// Cauchy contour.
    case samples(Samples)
    /// A pass of dual numbers per component, its tangent seeded on xᵢ.
    case dualPass
    /// One recording on a tape and one backward pass for every component.
    case tape

    /// ∂f/∂xᵢ as (Σⱼ wⱼ f(x + oⱼhᵢeᵢ) + Σₖ vₖ Im f(x + i·pₖhᵢeᵢ)) / (d·hᵢ): real samples, as a
    /// difference formula takes, and complex ones, as the complex step does (Squire & Trapp
    /// 1998), at a step per component.
    @usableFromInline
    struct Samples: Sendable, Equatable {
        /// The real samples' offsets oⱼ and integer weights wⱼ; one f(x) serves every component
        /// where an offset is 0.
        @usableFromInline let real: [(offset: Int, weight: Int)]
        /// The complex samples' imaginary offsets pₖ and integer weights vₖ.
        @usableFromInline let imaginary: [(offset: Int, weight: Int)]
        /// d.
        @usableFromInline let denominator: Int
        /// hᵢ: a stencil's textbook step for xᵢ (`Stencil.textbookStep`), or one fixed step.
        @usableFromInline let step: Step

        /// How hᵢ is chosen.
        @usableFromInline
        enum Step: Sendable, Equatable {
            case textbook(Stencil)
            case fixed(Double)
        }

        /// A difference formula at its textbook step.
        init(stencil: Stencil) {
            real = Array(zip(stencil.offsets, stencil.weights))
            imaginary = []
            denominator = stencil.denominator
            step = .textbook(stencil)
        }

        init(real: [(offset: Int, weight: Int)], imaginary: [(offset: Int, weight: Int)], denominator: Int, step: Step) {
            self.real = real
            self.imaginary = imaginary
            self.denominator = denominator
            self.step = step
        }

        @usableFromInline
        static func == (a: Samples, b: Samples) -> Bool {
            a.real.elementsEqual(b.real, by: ==) && a.imaginary.elementsEqual(b.imaginary, by: ==) && a.denominator == b.denominator && a.step == b.step
        }

        /// hᵢ for the component at xᵢ.
        @inlinable
        func step(at x: Double) -> Double {
            switch step {
            case .textbook(let stencil): stencil.textbookStep(at: x)
            case .fixed(let h): h
            }
        }

        /// Whether f(x) is one of the real samples, evaluated once for every component.
        @usableFromInline
        var hasCentre: Bool { real.contains { $0.offset == 0 } }
    }

    /// The complex step: Im f(x + i·h·eᵢ)/h, h = 10⁻²⁰, a complex evaluation per component.
    static let complexStep = GradientRule.samples(Samples(real: [], imaginary: [(1, 1)], denominator: 1, step: .fixed(ComplexStep.fixedStep)))

    /// ∇f(x) by the rule; a tape rule records on `tape`, reset first, or on a new tape.
    @inlinable
    func gradient(of f: some MultivariateScalarFunction, at x: [Double], tape: Tape<Double>? = nil) -> [Double] {
        let n = x.count
        switch self {
        case .samples(let samples):
            // Complex points only for a rule with complex samples: a difference formula allocates none.
            var point = x, complex = samples.imaginary.isEmpty ? [] : x.map { ComponentwiseComplex($0) }
            let f0 = samples.hasCentre ? f(x) : 0
            return (0..<n).map { i in
                let h = samples.step(at: x[i])
                var sum = 0.0
                for (offset, weight) in samples.real {
                    point[i] = x[i] + Double(offset) * h
                    sum += Double(weight) * (offset == 0 ? f0 : f(point))
                }
                point[i] = x[i]
                for (offset, weight) in samples.imaginary {
                    complex[i] = ComponentwiseComplex(x[i], Double(offset) * h)
                    sum += Double(weight) * f(complex).imaginary
                    complex[i] = ComponentwiseComplex(x[i])
                }
                return sum / (Double(samples.denominator) * h)
            }
        case .dualPass:
            var point = x.map { Dual($0) }
            return (0..<n).map { i in
                point[i] = Dual(x[i], tangent: 1)
                let value = f(point)
                point[i] = Dual(x[i])
                return value.tangent
            }
        case .tape:
            return (tape ?? Tape<Double>()).gradient(at: x) { f($0) }
        }
    }

    /// The evaluations of f, real and complex, or the passes, the gradient takes for n inputs.
    @usableFromInline
    func evaluations(_ n: Int) -> Int {
        switch self {
        case .samples(let samples): n * samples.real.filter { $0.offset != 0 }.count + (samples.hasCentre ? 1 : 0) + complexEvaluations(n)
        case .dualPass: n
        case .tape: 1
        }
    }

    /// The evaluations of f in complex numbers among them.
    func complexEvaluations(_ n: Int) -> Int {
        if case .samples(let samples) = self { n * samples.imaginary.count } else { 0 }
    }

    /// The work for n inputs, in evaluations of f or passes.
    func work(_ n: Int) -> WorkCount {
        switch self {
        case .samples:
            let complex = complexEvaluations(n), real = evaluations(n) - complex
            var work = WorkCount([:])
            if real > 0 { work.parts.append(WorkCount.Part(count: real, kind: .evaluation)) }
            if complex > 0 { work.parts.append(WorkCount.Part(count: complex, kind: .complexEvaluation)) }
            return work
        case .dualPass: return WorkCount([.dualPass: n])
        case .tape: return WorkCount([.recording: 1, .backwardPass: 1])
        }
    }

    /// The work as a formula in n: k·n per off-centre real sample, one f(x) for a centre, m·n
    /// complex evaluations for m complex samples.
    var workFormula: String {
        switch self {
        case .samples(let samples):
            let offCentre = samples.real.filter { $0.offset != 0 }.count
            let real = offCentre == 0 ? nil : Self.perComponent(offCentre) + (samples.hasCentre ? " + 1 evaluations" : " evaluations")
            let complex = samples.imaginary.isEmpty ? nil : Self.perComponent(samples.imaginary.count) + " complex evaluations"
            return [real, complex].compactMap { $0 }.joined(separator: " + ")
        case .dualPass: return "n dual passes"
        case .tape: return "1 recording + 1 backward pass"
        }
    }

    /// The exponent theory gives for the time against n, for an f costing O(n): a pass per
    /// component is n passes of O(n); one recording and one sweep are O(n).
    var expectedSlope: Int { self == .tape ? 1 : 2 }

    /// k·n written as a formula: n for k = 1.
    static func perComponent(_ k: Int) -> String { k == 1 ? "n" : "\(k)n" }
}
