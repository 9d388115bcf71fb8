import ComplexModule
import Foundation

/// How a method of one derivative computes a gradient of n variables: the number system it
/// evaluates f in, and so how many evaluations or passes the gradient takes. A scheme says which
/// rule is its own (`DerivativeScheme.gradientRule`); the cost experiment runs the rule, so a new
/// method that differentiates in a number system already here needs nothing more.
///
/// The rule is a value the experiment switches on, not a scheme it calls through `any`: called
/// through an existential, f's generic body would run unspecialised, and the experiment would time
/// errsweep's dispatch instead of the method (`CostExperiment`).
@usableFromInline
enum GradientRule: Sendable, Equatable {
    /// Σⱼ wⱼ f(x + oⱼhᵢeᵢ)/(d·hᵢ) per component, at the stencil's textbook step for xᵢ
    /// (`Stencil.textbookStep`); one f(x) serves every component when the stencil has a centre.
    case stencil(Stencil)
    /// Im f(x + i·h·eᵢ)/h per component, h = 10⁻²⁰ (Squire & Trapp 1998): a complex evaluation each.
    case complexStep
    /// (f(x + heᵢ) − f(x − heᵢ) + 2 Im f(x + iheᵢ))/4h per component, the 4-point Cauchy contour
    /// (Lyness & Moler 1967) at the five-point formula's textbook step, both of order 4: two real
    /// evaluations and a complex one each.
    case contour
    /// A pass of dual numbers per component, its tangent seeded on xᵢ.
    case dualPass
    /// One recording on a tape and one backward pass for every component.
    case tape

    /// ∇f(x) by the rule; a tape rule records on `tape`, reset first, or on a new tape.
    @inlinable
    func gradient(of f: some MultivariateScalarFunction, at x: [Double], tape: Tape<Double>? = nil) -> [Double] {
        let n = x.count
        switch self {
        case .stencil(let stencil):
            // The textbook step per component (`Stencil.textbookStep`).
            var point = x
            let f0 = stencil.offsets.contains(0) ? f(x) : 0
            return (0..<n).map { i in
                let h = stencil.textbookStep(at: x[i])
                var sum = 0.0
                for (offset, weight) in zip(stencil.offsets, stencil.weights) {
                    point[i] = x[i] + Double(offset) * h
                    sum += Double(weight) * (offset == 0 ? f0 : f(point))
                }
                point[i] = x[i]
                return sum / (Double(stencil.denominator) * h)
            }
        case .complexStep:
            var point = x.map { ComponentwiseComplex($0) }
            let h = Self.complexStepSize
            return (0..<n).map { i in
                point[i] = ComponentwiseComplex(x[i], h)
                let value = f(point)
                point[i] = ComponentwiseComplex(x[i])
                return value.imaginary / h
            }
        case .contour:
            var point = x, complex = x.map { ComponentwiseComplex($0) }
            return (0..<n).map { i in
                let h = Stencil.central5.textbookStep(at: x[i])
                point[i] = x[i] + h
                let up = f(point)
                point[i] = x[i] - h
                let down = f(point)
                point[i] = x[i]
                complex[i] = ComponentwiseComplex(x[i], h)
                let imaginary = f(complex).imaginary
                complex[i] = ComponentwiseComplex(x[i])
                return (up - down + 2 * imaginary) / (4 * h)
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

    /// The complex step's h: far below any truncation (h²f‴/6), far above the underflow of h·f′.
    @usableFromInline
    static let complexStepSize = 1e-20

    /// The evaluations of f, or the passes, the gradient takes for n inputs.
    @usableFromInline
    func evaluations(_ n: Int) -> Int {
        switch self {
        case .stencil(let stencil): stencil.offsets.contains(0) ? n * (stencil.offsets.count - 1) + 1 : n * stencil.offsets.count
        case .complexStep, .dualPass: n
        case .contour: 3 * n
        case .tape: 1
        }
    }

    /// The work for n inputs, in evaluations of f or passes.
    func work(_ n: Int) -> WorkCount {
        switch self {
        case .stencil: WorkCount([.evaluation: evaluations(n)])
        case .complexStep: WorkCount([.complexEvaluation: n])
        case .contour: WorkCount([.evaluation: 2 * n, .complexEvaluation: n])
        case .dualPass: WorkCount([.dualPass: n])
        case .tape: WorkCount([.recording: 1, .backwardPass: 1])
        }
    }

    /// The work as a formula in n: k·n per off-centre sample of a stencil, and one f(x) when it
    /// has a centre.
    var workFormula: String {
        switch self {
        case .stencil(let stencil):
            Self.perComponent(stencil.offsets.filter { $0 != 0 }.count) + (stencil.offsets.contains(0) ? " + 1 evaluations" : " evaluations")
        case .complexStep: "n complex evaluations"
        case .contour: "2n evaluations + n complex evaluations"
        case .dualPass: "n dual passes"
        case .tape: "1 recording + 1 backward pass"
        }
    }

    /// The exponent theory gives for the time against n, for an f costing O(n): a pass per
    /// component is n passes of O(n); one recording and one sweep are O(n).
    var expectedSlope: Int { self == .tape ? 1 : 2 }

    /// k·n written as a formula: n for k = 1.
    static func perComponent(_ k: Int) -> String { k == 1 ? "n" : "\(k)n" }
}
