import ErrSweep
import Foundation
import Testing

/// The checker on planted bugs — the mistakes derivative code really has — and on the correct
/// versions of the same functions at kinks, domain edges and with noise: every bug caught (where
/// the working precision can hold it), no false alarm.
struct PlantedFunction: ScalarFunction {
    enum Formula: String, CaseIterable, Sendable {
        case sinTwoX = "sin(2x)", xExpMinusX = "x·e^−x", logOnePlusSquare = "log(1 + x²)", xAbsX = "x·|x|"
        case twoSlopes = "max(x, 2x − 1)", relu = "max(0, x)", xRootX = "x·√x", logarithm = "log(x)"
    }

    /// What is wrong with a derivative.
    enum Bug: String, CaseIterable, Sendable {
        case missingFactor = "a missing factor", signSlip = "a sign slip", offByOnePPM = "off by a factor 1 + 1e-6"
        case wrongForNegative = "wrong only for x < 0", wrongBranch = "the wrong branch near a kink"

        /// The formula it is planted in.
        var formula: Formula {
            switch self {
            case .missingFactor: .sinTwoX
            case .signSlip: .xExpMinusX
            case .offByOnePPM: .logOnePlusSquare
            case .wrongForNegative: .xAbsX
            case .wrongBranch: .twoSlopes
            }
        }
    }

    let formula: Formula
    var name: String { formula.rawValue }

    func callAsFunction<T: Scalar>(_ x: T) -> T {
        switch formula {
        case .sinTwoX: .sin(2 * x)
        case .xExpMinusX: x * .exp(-x)
        case .logOnePlusSquare: .log(1 + x * x)
        case .xAbsX: x * T.absolute(x)
        case .twoSlopes: T.select(x, isLessThan: 1, { x }, otherwise: { 2 * x - 1 })
        case .relu: T.select(x, isLessThan: 0, { 0 }, otherwise: { x })
        case .xRootX: x * .sqrt(x)
        case .logarithm: .log(x)
        }
    }

    /// The points each formula is checked at: kinks and domain edges among them.
    var points: [Double] {
        switch formula {
        case .sinTwoX: [-1, 0.3, 2]
        case .xExpMinusX: [-1, 0.5, 3]
        case .logOnePlusSquare: [-2, 0.5, 3]
        case .xAbsX: [-1.5, -0.25, 0, 0.75]
        case .twoSlopes: [0.5, 0.95, 1, 1.5]
        case .relu: [-1, 0, 2]
        case .xRootX: [0, 0.25, 4]
        case .logarithm: [0.001, 0.5, 3]
        }
    }

    /// f′ in T, as a careful hand writes it, or with `bug` planted.
    func derivative<T: WorkingFloat>(_ x: T, bug: Bug? = nil) -> T {
        switch formula {
        case .sinTwoX: bug == .missingFactor ? T.cos(2 * x) : 2 * T.cos(2 * x)
        case .xExpMinusX: (bug == .signSlip ? 1 + x : 1 - x) * T.exp(-x)
        case .logOnePlusSquare: 2 * x / (1 + x * x) * (bug == .offByOnePPM ? T(1 + 1e-6) : 1)
        case .xAbsX: bug == .wrongForNegative ? 2 * x : 2 * abs(x)
        case .twoSlopes: x < (bug == .wrongBranch ? T(0.9) : 1) ? 1 : 2
        case .relu: x > 0 ? 1 : 0
        case .xRootX: T(1.5) * x.squareRoot()
        case .logarithm: 1 / x
        }
    }
}

/// A relative noise of `amplitude` on f's values, the same at the same x (a hash of its bits):
/// an iterative solver's, say, inside f.
func noisy<T: WorkingFloat>(_ f: PlantedFunction, amplitude: Double) -> (T) -> T {
    { x in
        var bits = Double(x).bitPattern &+ 0x9E37_79B9_7F4A_7C15
        bits = (bits ^ (bits >> 30)) &* 0xBF58_476D_1CE4_E5B9
        bits = (bits ^ (bits >> 27)) &* 0x94D0_49BB_1331_11EB
        let r = Double(bits >> 11) / Double(1 << 53) * 2 - 1
        return f(x) * T(1 + amplitude * r)
    }
}

@Suite struct PlantedBugTests {
    /// Whether `bug` changes f′ in T at some point of its formula by more than the check's
    /// resolution there: in Float16 a factor 1 + 1e-6 changes nothing at all.
    static func plantedIsVisible<T: WorkingFloat>(_ bug: PlantedFunction.Bug, in _: T.Type, beyondUlps ulps: Double) -> Bool {
        let f = PlantedFunction(formula: bug.formula)
        return f.points.contains { x in f.derivative(T(x), bug: bug).ulpDistance(to: f.derivative(T(x))) > ulps }
    }

    func exactChecks<T: WorkingFloat>(_: T.Type) {
        for formula in PlantedFunction.Formula.allCases {
            let f = PlantedFunction(formula: formula)
            let check = ErrSweep.checkDerivative(of: f, derivative: { (x: T) in f.derivative(x) }, at: f.points.map { T($0) })
            #expect(check.passed, "\(T.precision.rawValue), \(formula.rawValue): \(check)")
        }
        for bug in PlantedFunction.Bug.allCases where Self.plantedIsVisible(bug, in: T.self, beyondUlps: 8) {
            let f = PlantedFunction(formula: bug.formula)
            let check = ErrSweep.checkDerivative(of: f, derivative: { (x: T) in f.derivative(x, bug: bug) }, at: f.points.map { T($0) })
            #expect(!check.passed && !check.mismatches.isEmpty, "\(T.precision.rawValue), \(bug.rawValue) not caught: \(check)")
        }
    }

    /// A factor 1 + 1e-6 is 10 to 17 ulps of Float (the exact check's 8 leave it caught), and
    /// no change at all in Float16, where 1 + 1e-6 rounds to 1.
    @Test func whereTheOnePPMBugExists() {
        #expect(Self.plantedIsVisible(.offByOnePPM, in: Float.self, beyondUlps: 8))
        #expect(!Self.plantedIsVisible(.offByOnePPM, in: Float16.self, beyondUlps: 0))
    }

    @Test func theExactCheckInDouble() { exactChecks(Double.self) }
    @Test func theExactCheckInFloat() { exactChecks(Float.self) }
    @Test func theExactCheckInFloat16() { exactChecks(Float16.self) }

    func blackBoxChecks<T: WorkingFloat>(_: T.Type) {
        for formula in PlantedFunction.Formula.allCases {
            let f = PlantedFunction(formula: formula)
            for amplitude in [0, 1e-10] {
                let check = ErrSweep.checkBlackBoxDerivative(of: noisy(f, amplitude: amplitude) as (T) -> T, derivative: { f.derivative($0) },
                                                             at: f.points.map { T($0) })
                #expect(check.passed, "\(T.precision.rawValue), \(formula.rawValue), noise \(amplitude): \(check)")
            }
        }
        for bug in PlantedFunction.Bug.allCases {
            let f = PlantedFunction(formula: bug.formula)
            let check = ErrSweep.checkBlackBoxDerivative(of: { (x: T) in f(x) }, derivative: { f.derivative($0, bug: bug) }, at: f.points.map { T($0) })
            if bug == .offByOnePPM && T.self != Double.self {
                // 1e-6 relative is below what any estimate from f's values resolves in Float (and
                // below an ulp in Float16): the reference's own bound says so at every point.
                for x in f.points {
                    let estimate = estimateDerivative(of: { (t: T) in f(t) }, at: T(x))
                    #expect(Double(estimate.bound) > 1e-6 * abs(Double(f.derivative(T(x)))), "\(T.precision.rawValue) at \(x): \(estimate)")
                }
                continue
            }
            #expect(!check.passed, "\(T.precision.rawValue), \(bug.rawValue) not caught: \(check)")
        }
    }

    @Test func theBlackBoxCheckInDouble() { blackBoxChecks(Double.self) }
    @Test func theBlackBoxCheckInFloat() { blackBoxChecks(Float.self) }
    @Test func theBlackBoxCheckInFloat16() { blackBoxChecks(Float16.self) }
}

/// No false alarm on fresh points: every catalog function's derivative, rounded to the working
/// precision, passes the black-box check at random points of its domain; and the same formula
/// evaluated in Float16 is caught where it really fails there.
@Suite struct BlackBoxCheckRandomPointTests {
    func randomPoints<T: WorkingFloat>(_: T.Type, seed: UInt64) {
        var state = seed
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        for function in Catalog.functions {
            let positive = ["log", "sqrt", "pow9half"].contains(function.name)
            let points = (0..<25).map { _ in T(positive ? 0.01 + 7.99 * next() : -8 + 16 * next()) }
            // f′ from Double, rounded once to T: within an ulp of T wherever T can hold it.
            let check = ErrSweep.checkBlackBoxDerivative(of: { (x: T) in function(x) }, derivative: { T(function.derivative(Double($0))) }, at: points)
            #expect(check.mismatches.isEmpty, "\(T.precision.rawValue), \(function.name), seed \(seed): \(check)")
        }
    }

    static let seeds: [UInt64] = [20261205] + Array(100..<110)

    @Test(arguments: seeds) func double(seed: UInt64) { randomPoints(Double.self, seed: seed) }
    @Test(arguments: seeds) func float(seed: UInt64) { randomPoints(Float.self, seed: seed) }
    @Test(arguments: seeds) func float16(seed: UInt64) { randomPoints(Float16.self, seed: seed) }

    /// σ′ written as e^(−x)/(1 + e^(−x))², evaluated in Float16, squares 1 + e^5.7 ≈ 300 past
    /// Float16's largest value (65504) and gives 0, where σ′(−5.7) = 0.0033.
    @Test func theSigmoidFormulaOverflowsInFloat16() {
        let sigmoid = Sigmoid()
        let check = ErrSweep.checkBlackBoxDerivative(of: { (x: Float16) in sigmoid(x) }, derivative: { Float16.exp(-$0) / ((1 + Float16.exp(-$0)) * (1 + Float16.exp(-$0))) }, at: [-5.7, -1, 0.5])
        #expect(check.mismatches.map(\.point) == [[-5.69921875]], "\(check)")
        #expect(check.mismatches.first?.actual == 0)
        #expect(abs((check.mismatches.first?.expected ?? 0) - 0.003338) < 3e-4)
    }
}
