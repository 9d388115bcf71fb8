import ComplexModule
import RealModule

/// errsweep's own arithmetic measured against MPFR and MPC: every function of the grammar, in
/// every number system a method evaluates it in, on a dense grid of arguments.
///
/// A verdict about a method is only as good as the arithmetic the method ran in. This audit is the
/// evidence that no verdict blames a method for errsweep's rounding: the working precisions'
/// values (glibc's libm, through swift-numerics), both parts of `ComponentwiseComplex` with tiny and
/// ordinary imaginary parts, the complex-step derivative itself, the dual numbers' tangents and
/// the tape's adjoints — and, as an anchor, swift-numerics' `Complex`, which the complex step used
/// before. Each figure is in ulps of Double (or of the working precision for values) against the
/// exact value correctly rounded, with the exact value settled at two MPFR/MPC precisions.
public enum NumberSystemAudit {
    /// The imaginary parts at which complex functions are measured: the complex step's (down to
    /// 1e−300, whose imaginary results are subnormal for |f′| < 2e−8) and one of ordinary size.
    public static let imaginaryParts: [Double] = [1e-300, 1e-20, 1e-8, 0.5]
    /// The complex step's h for the derivative measured through it.
    public static let complexStep = ComplexStep.fixedStep
    /// A part whose condition number (relative change per relative change of the argument) is
    /// at most this counts as well conditioned: it loses at most 4 bits to its argument alone.
    public static let wellConditioned = 16.0

    /// What is measured: a number system and the part of its result compared.
    public struct Component: Hashable, Sendable, Comparable {
        /// `Double`, `Float`, …, `complex (errsweep)`, `complex (swift-numerics)`, `dual`, `tape`.
        public let system: String
        /// `value`, `Re at y=1e-20`, `Im at y=1e-20`, `f′ by Im/h, h=1e-20`, `tangent`, `adjoint`.
        public let part: String
        /// Display order.
        let rank: Int

        public static func < (a: Component, b: Component) -> Bool { (a.rank, a.part) < (b.rank, b.part) }
        public static func == (a: Component, b: Component) -> Bool { a.system == b.system && a.part == b.part }
        public func hash(into hasher: inout Hasher) { hasher.combine(system); hasher.combine(part) }

        public var key: String { "\(system): \(part)" }
    }

    /// One argument's error in one component.
    public struct Measurement: Sendable {
        public let function: String
        public let component: Component
        public let x: Double
        /// The imaginary part of the argument (0 for real systems).
        public let y: Double
        /// Representable numbers between the result and the correctly rounded exact value; +inf
        /// when the result is NaN or infinite but the exact value is a finite number.
        public let ulps: Double
        /// |relative change of the result| / |relative change of the argument|.
        public let condition: Double

        public var isWellConditioned: Bool { condition <= NumberSystemAudit.wellConditioned }
    }

    /// The figures of one function in one component.
    public struct Summary: Sendable {
        public let function: String
        public let component: Component
        public let count: Int
        public let wellConditionedCount: Int
        /// Over the well-conditioned arguments.
        public let maximum: Double
        public let median: Double
        /// The argument of `maximum`.
        public let worstX: Double
        public let worstY: Double
        /// Over every argument, conditioned or not.
        public let maximumOverall: Double
    }

    /// Every measurement of every function, in order (function, argument, component).
    public static func run(_ functions: [AuditFunction] = AuditFunction.all) -> [Measurement] {
        functions.flatMap { function in
            let arguments = function.arguments
            return parallelMap(arguments.count) { index in
                defer { BigFloat.releaseThreadCaches() }
                return measure(function, at: arguments[index])
            }.flatMap { $0 }
        }
    }

    /// The summaries of `measurements`, per function and component, in the functions' order.
    public static func summaries(_ measurements: [Measurement]) -> [Summary] {
        var order: [String] = []
        var groups: [String: [Component: [Measurement]]] = [:]
        for m in measurements {
            if groups[m.function] == nil { order.append(m.function) }
            groups[m.function, default: [:]][m.component, default: []].append(m)
        }
        return order.flatMap { function in
            groups[function]!.sorted { $0.key < $1.key }.map { component, rows in
                let conditioned = rows.filter(\.isWellConditioned)
                let worst = conditioned.max { $0.ulps < $1.ulps }
                let sorted = conditioned.map(\.ulps).sorted()
                return Summary(
                    function: function, component: component, count: rows.count, wellConditionedCount: conditioned.count,
                    maximum: worst?.ulps ?? .nan, median: sorted.isEmpty ? .nan : sorted[sorted.count / 2],
                    worstX: worst?.x ?? .nan, worstY: worst?.y ?? .nan,
                    maximumOverall: rows.map(\.ulps).max() ?? .nan)
            }
        }
    }

    // MARK: One argument

    package static let valuePart = "value"
    package static let stepPart = "f′ = Im f(x+ih)/h, h=\(complexStep)"

    static func measure(_ function: AuditFunction, at x: Double) -> [Measurement] {
        let f = ExpressionFunction(function.expression, variable: "x")
        // Outside the domain (or at a pole) nothing is measured.
        guard case .success = Truth<Double>.proved({ f.valueBall(at: x.exact, precision: $0) }) else { return [] }
        var rows: [Measurement] = []
        func add(_ system: String, _ part: String, rank: Int, y: Double = 0, ulps: Double, condition: Double) {
            rows.append(Measurement(function: function.name, component: Component(system: system, part: part, rank: rank),
                                    x: x, y: y, ulps: ulps, condition: condition))
        }

        // Values in each working precision: the input rounded to it, exact inputs, so every
        // result is well conditioned.
        func value<T: WorkingFloat>(_: T.Type, rank: Int) {
            let input = T(x)
            guard input.isFinite, case .success(let truth) = Truth<T>.proved({ f.valueBall(at: input.exact, precision: $0) }),
                  truth.rounded.isFinite else { return }
            let result: T = function.expression.evaluate(at: input, variable: "x")
            add(String(describing: T.self), valuePart, rank: rank, ulps: distance(result, truth.rounded), condition: 1)
        }
        value(Float16.self, rank: 0)
        value(Float.self, rank: 1)
        value(Double.self, rank: 2)
        #if arch(x86_64) || arch(i386)
        value(Float80.self, rank: 3)
        #endif

        // Derivatives: the rules of forward and reverse AD, and the complex step. Where f′(x) is
        // not a normal Double (tanh at 1e300: sech² underflows past MPFR's exponent range) neither
        // these nor the complex parts, whose imaginary part is y·f′(x), are measured.
        guard case .success(let truth) = Truth<Double>.derivative(of: f, at: x), truth.rounded.isNormal else { return rows }
        do {
            let second = BigFloat.withLiteralPrecision(128) {
                f.derivativeExpression.derivative(withRespectTo: "x").evaluate(at: x.exact.withPrecision(128), variable: "x")
            }
            let condition = 1 + ((x.exact * second) / truth.exact).magnitude.doubleValue
            let h = complexStep
            let tangent = AutomaticDerivative.forward(of: { function.expression.evaluate(at: $0, variable: "x") }, at: x)
            let adjoint = AutomaticDerivative.reverse(of: { function.expression.evaluate(at: $0, variable: "x") }, at: x)
            let step = ComplexStep.derivative(of: { function.expression.evaluate(at: $0, variable: "x") }, at: x, step: h)
            let anchorStep = function.expression.evaluate(at: Complex(x, h), variable: "x").imaginary / h
            let part = stepPart
            add("dual", "tangent", rank: 10, ulps: distance(tangent, truth.rounded), condition: condition)
            add("tape", "adjoint", rank: 11, ulps: distance(adjoint, truth.rounded), condition: condition)
            // Where the exact complex step itself is not f′ to the ulp — its truncation h²f‴/6
            // where |x| is not far above h, or an imaginary part h·f′ below the normal range —
            // the method decides, not the arithmetic: such points count as ill conditioned.
            let stepCondition = complexStepIsExact(function.expression, x: x, h: h, derivative: truth.rounded) ? condition : .infinity
            add("complex (errsweep)", part, rank: 20, ulps: distance(step, truth.rounded), condition: stepCondition)
            add("complex (swift-numerics)", part, rank: 30, ulps: distance(anchorStep, truth.rounded), condition: stepCondition)
        }

        // Both parts of f(x + iy) against MPC, for |x| ≤ 1000: beyond, MPFR's exponent range holds
        // e^x exactly (e^(1e8) has a 27-bit exponent) and MPC's quotients of such numbers take
        // minutes, while in Double every exponential has long overflowed.
        for y in imaginaryParts where x.magnitude <= 1000 {
            guard let exact = provedComplex(function.expression, x: x, y: y) else { continue }
            let derivative = BigFloat.withLiteralPrecision(128) {
                f.derivativeExpression.evaluate(at: BigComplex(x.exact, y.exact, precision: 128), variable: "x")
            }
            let ours: ComponentwiseComplex<Double> = function.expression.evaluate(at: ComponentwiseComplex(x, y), variable: "x")
            let anchor: Complex<Double> = function.expression.evaluate(at: Complex(x, y), variable: "x")
            let label = NumberFormat.compact(y)
            let parts: [(name: String, exact: Truth<Double>, ours: Double, anchor: Double, condition: Double)] = [
                ("Re at y=\(label)", exact.real, ours.real, anchor.real,
                 condition(of: exact.real.exact, x: x, y: y, along: derivative.real, across: derivative.imaginary)),
                ("Im at y=\(label)", exact.imaginary, ours.imaginary, anchor.imaginary,
                 condition(of: exact.imaginary.exact, x: x, y: y, along: derivative.imaginary, across: derivative.real)),
            ]
            for part in parts {
                let rounded = part.exact.rounded
                guard rounded.isFinite else { continue }
                add("complex (errsweep)", part.name, rank: 21, y: y, ulps: distance(part.ours, rounded), condition: part.condition)
                add("complex (swift-numerics)", part.name, rank: 31, y: y, ulps: distance(part.anchor, rounded), condition: part.condition)
            }
        }
        return rows
    }

    /// Whether Im f(x + ih)/h in exact arithmetic rounds to f′(x): h·f′ a normal number, and,
    /// for |x| ≤ 1000 (where MPC is quick), the exact quotient equal to f′ rounded.
    static func complexStepIsExact(_ expression: MathExpression, x: Double, h: Double, derivative: Double) -> Bool {
        guard (h * derivative).isNormal else { return false }
        guard x.magnitude <= 1000 else { return true }
        guard let exact = provedComplex(expression, x: x, y: h) else { return false }
        let quotient = BigFloat.withLiteralPrecision(exact.imaginary.bits) { exact.imaginary.enclosure / Ball(h.exact) }
        return quotient.rounded(to: Double.self) == derivative
    }

    /// The ulps between a result and the rounded truth; +inf for a NaN or infinite result.
    static func distance<T: WorkingFloat>(_ result: T, _ truth: T) -> Double {
        result.isFinite ? result.ulpDistance(to: truth) : .infinity
    }

    /// The condition of one part u of f(z) as a function of (x, y): by Cauchy–Riemann,
    /// ∂u/∂x = `along`, ∂u/∂y = ∓`across`, so κ = (|x·along| + |y·across|) / |u|.
    static func condition(of part: BigFloat, x: Double, y: Double, along: BigFloat, across: BigFloat) -> Double {
        if part.isZero { return .infinity }
        let numerator = (x.exact * along).magnitude + (y.exact * across).magnitude
        return (numerator / part.magnitude).doubleValue
    }

    /// f(x + iy) in complex ball arithmetic, each part proved to round to one Double
    /// (`Truth.proved`, the box evaluated once per precision for both); nil outside the domain or
    /// where a part is not resolved at the cap.
    static func provedComplex(_ expression: MathExpression, x: Double, y: Double) -> (real: Truth<Double>, imaginary: Truth<Double>)? {
        var boxes: [Int: ComplexBall] = [:]
        func box(_ bits: Int) -> ComplexBall {
            if let box = boxes[bits] { return box }
            let box = BigFloat.withLiteralPrecision(bits) {
                expression.evaluate(at: ComplexBall(x.exact, y.exact, precision: bits), variable: "x")
            }
            boxes[bits] = box
            return box
        }
        guard case .success(let real) = Truth<Double>.proved({ box($0).real }),
              case .success(let imaginary) = Truth<Double>.proved({ box($0).imaginary }) else { return nil }
        return (real, imaginary)
    }
}
