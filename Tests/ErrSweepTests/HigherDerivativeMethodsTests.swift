import Foundation
import Testing

@testable import ErrSweep
import ErrSweepReports

/// Every method's K-th derivative against values derived independently: closed forms, and
/// mpmath's `diff` at 40 digits written here as literals.
@Suite struct HigherDerivativeMethodsTests {
    /// σ⁽ᴷ⁾(2) for K = 2, 3, 4 (mpmath).
    static let sigmoidAt2: [Int: Double] = [
        2: -0.07996250105615306252356147,
        3: 0.03885166754820601644415815,
        4: 0.02078409514845317742922098,
    ]

    /// Nested duals and forward-over-reverse, within a few ulps of σ⁽ᴷ⁾(2); and the truth (the
    /// hand-written σ′ differentiated in MPFR) rounds to the literal exactly.
    @Test(arguments: [2, 3, 4])
    func automaticHigherDerivativesOfTheSigmoid(_ k: Int) throws {
        let exact = try #require(Self.sigmoidAt2[k])
        let forward = AutomaticDerivative.forward(derivative: k, of: Sigmoid(), at: 2.0)
        let reverse = AutomaticDerivative.reverse(derivative: k, of: Sigmoid(), at: 2.0)
        #expect(forward.ulpDistance(to: exact) <= 4, "forward \(forward)")
        #expect(reverse.ulpDistance(to: exact) <= 4, "reverse \(reverse)")
        let truth = try Truth<Double>.derivative(of: Sigmoid(), at: 2, order: k).get()
        #expect(truth.rounded == exact)
    }

    /// f″, f‴ and f⁽⁴⁾ of every catalog function at one of its points (mpmath's `diff` at 50
    /// digits, at the point as a Double holds it): the truth — the hand-written f′ differentiated again in MPFR — rounds to each.
    static let catalogJets: [(String, Double, [Double])] = [
        ("sigmoid", 4, [-0.01702733592838913014652928, 0.01579087906862892076741347, -0.0134183499432112851558296]),
        ("exp", -2, [0.1353352832366126918939995, 0.1353352832366126918939995, 0.1353352832366126918939995]),
        ("sin", 0.5, [-0.4794255386042030002732879, -0.8775825618903727161162816, 0.4794255386042030002732879]),
        ("cos", 3, [0.9899924966004454572715728, 0.1411200080598672221007448, -0.9899924966004454572715728]),
        // At the double nearest 0.1, 0.1000000000000000055…: −1/x², 2/x³, −6/x⁴ there.
        ("log", 0.1, [-99.99999999999998889776975, 1999.999999999999666933093, -59999.9999999999866773237]),
        ("tanh", 0.5, [-0.7268619813835872755398369, -0.5652092882597703608656729, 3.952219563724583050878544]),
        ("sqrt", 4, [-0.03125, 0.01171875, -0.00732421875]),
        ("pow9half", 1.5, [43.40189637993943692743313, 72.33649396656572821238855, 72.33649396656572821238855]),
        ("runge", 0.5, [2.328918774857517733404404, -14.25176132258607257935672, 100.206965489841646608876]),
        ("softplus", -10, [0.00004539580773595167103244204, 0.00004539168599011319565337011, 0.0000453834430597916740949581]),
        ("gaussian", 0.5, [-0.7788007830714048682451703, 3.894003915357024341225851, 0.7788007830714048682451703]),
        ("cubic", 2, [12.0, 6.0, 0.0]),
    ]

    @Test(arguments: catalogJets.indices)
    func catalogTruthsOfHigherDerivatives(_ index: Int) throws {
        let (name, x, expected) = Self.catalogJets[index]
        let f = try #require(Catalog.function(named: name))
        for (k, value) in zip(2...4, expected) {
            let truth = try Truth<Double>.derivative(of: f, at: x, order: k).get()
            #expect(truth.rounded == value, "\(name) at \(x), K = \(k): \(truth.rounded) vs \(value)")
        }
    }

    /// An expression's truth is its symbolic K-th derivative: f″ of exp(x)/√(sin³x + cos³x) at 1
    /// is −1.012364285702295345195714… (mpmath).
    @Test func anExpressionsSecondDerivativeIsSymbolic() throws {
        let f = try ExpressionFunction(parsing: "exp(x)/sqrt(sin(x)^3+cos(x)^3)")
        let truth = try Truth<Double>.derivative(of: f, at: 1, order: 2).get()
        #expect(truth.rounded == -1.012364285702295345195714)
        #expect(f.derivativeLine(order: 2).hasPrefix("f″(x) = "))
        #expect(!f.derivativeLine(order: 2).contains("dual"))
    }

    /// The series' coefficients for f″, from Taylor expansion by hand: forward (f(x+2h) −
    /// 2f(x+h) + f(x))/h² = f″ + h·f‴ + (7/12)h²f⁽⁴⁾ + …; central (f(x+h) − 2f + f(x−h))/h² =
    /// f″ + h²f⁽⁴⁾/12 + h⁴f⁽⁶⁾/360; the complex step's 2(f − Re f(x+ih))/h² = f″ − h²f⁽⁴⁾/12 +
    /// h⁴f⁽⁶⁾/360.
    @Test func secondDerivativeSeriesCoefficients() throws {
        let forward = try #require(TruncationSeries.coefficients(of: .forward, derivative: 2))
        #expect(abs(forward[0] - 1) < 1e-15 && abs(forward[1] - 7.0 / 12) < 1e-15)
        let central = try #require(TruncationSeries.coefficients(of: .central, derivative: 2))
        #expect(central[0] == 0 && abs(central[1] - 1.0 / 12) < 1e-16 && central[2] == 0 && abs(central[3] - 1.0 / 360) < 1e-17)
        let complex = try #require(TruncationSeries.coefficients(of: .complex, derivative: 2))
        #expect(complex[0] == 0 && abs(complex[1] + 1.0 / 12) < 1e-16 && abs(complex[3] - 1.0 / 360) < 1e-17)
        #expect(TruncationSeries.coefficients(of: .forwardAD, derivative: 2) == nil)
        #expect(TruncationSeries.coefficients(of: .complex, derivative: 3) == nil || !DerivativeMethod.complex.computes(derivative: 3))
    }

    /// The model's h* for the second central difference of exp at 0: rounding u·√(1 + 4 + 1)/(√3
    /// h²) = u√2/h² (f = 1 at all three samples, x = 0 so no point is rounded), truncation
    /// h²/12; their sum is least at h⁴ = 12·u√2 — Numerical Recipes' ε^¼ with its constant.
    @Test func secondCentralDifferenceOptimumInClosedForm() {
        let derivatives = (0...8).map { _ in BigFloat(1) }
        let model = ErrorModel.make(method: .central, derivative: 2, derivatives: derivatives, x: 0, precision: .double)
        let u = Double.ulpOfOne / 2
        let predicted = Foundation.pow(12 * u * 2.0.squareRoot(), 0.25)
        let h = try! #require(model.optimalStep)
        #expect(abs(h / predicted - 1) < 0.02, "\(h) vs \(predicted)")
        #expect(model.hasV && model.roundingPower == 2)
        #expect(abs(model.rounding(at: 1e-4) - u * 2.0.squareRoot() / 1e-8) / (u * 2.0.squareRoot() / 1e-8) < 0.01)
    }

    /// 2(f(x) − Re f(x + ih))/h² on exp at 1 is e·2(1 − cos h)/h² exactly in real arithmetic, off
    /// from e by e·h²/12 at h = 1e−3; its rounding, about ε·e/h² = 6e−10, is far below that.
    @Test func complexStepSecondDerivative() {
        let h = 1e-3
        let estimate = ComplexStep.secondDerivative(of: { ComponentwiseComplex.exp($0) }, value: exp(1.0), at: 1.0, step: h)
        let expected = exp(1.0) * (1 - h * h / 12)
        #expect(abs(estimate - expected) < 2e-9, "\(estimate) vs \(expected)")
    }

    /// The exact value of a stencil divides by hᴷ: the second difference of x² is 2 at any step,
    /// so the split of a sweep of x² has no truncation at all.
    @Test func stencilsExactValueDividesByTheStepToTheK() throws {
        let f = try ExpressionFunction(parsing: "x^2")
        let stencil = try #require(DerivativeMethod.central.stencil(derivative: 2))
        let value = stencil.exactValue(of: f, at: BigFloat(0.7), step: BigFloat(1e-3), precision: 200)
        #expect(value.rounded(to: Double.self) == 2)
        let split = ErrorSplit.measure(method: .forward, derivative: 2, of: f, at: 0.7, step: 1e-3,
                                       estimate: DerivativeMethod.forward.stencil(derivative: 2)!.apply({ $0 * $0 }, at: 0.7, step: 1e-3))
        #expect(split.truncation == 0)
        #expect(split.rounding.isFinite && split.rounding != 0)
    }

    /// A package's own function, swept for f″ in one call: softsign x/(1 + |x|) has
    /// f″ = −2/(1 + x)³ for x > 0, −16/27 at ½.
    @Test func aLibraryUserSweepsTheSecondDerivative() throws {
        struct Softsign: ScalarFunction {
            func callAsFunction<T: Scalar>(_ x: T) -> T { x / (1 + (T.isNegative(x) ? -x : x)) }
        }
        let result = ErrSweep.sweep(Softsign(), at: [0.5], derivative: 2)
        #expect(result.rows.allSatisfy { $0.derivative == 2 })
        #expect(Set(result.rows.map(\.method)) == Set(DerivativeMethod.all(derivative: 2)))
        let ad = try #require(result.analysis.entries.first { $0.method == .forwardAD }?.best)
        #expect(ad.truth == WorkingValue(-16.0 / 27))
        #expect(ad.ulps <= 2)
    }

    /// `errsweep check` keys a derivative's entries apart, and a config names one.
    @Test func aCheckConfigNamesADerivative() throws {
        var config = CheckConfig()
        config.functions = [CheckConfig.FunctionEntry(name: "sigmoid", points: [2], methods: ["central", "forward-ad"], derivative: 2)]
        config.steps = "1e-2...1e-6"
        let specs = try config.specs()
        #expect(specs.count == 1 && specs[0].derivative == 2 && specs[0].methods == [.central, .forwardAD])
        let baseline = try config.measure()
        #expect(baseline.entries.map(\.key) == ["sigmoid f″ x=2 central double", "sigmoid f″ x=2 forward-ad double"])
        config.functions = [CheckConfig.FunctionEntry(name: "sigmoid", methods: ["complex"], derivative: 3)]
        #expect(throws: CheckConfig.Invalid.self) { try config.specs() }
        // A config's key is named as the file names it, not as the command line's option.
        config.functions = [CheckConfig.FunctionEntry(name: "sigmoid", derivative: 7)]
        let refusal = #expect(throws: CheckConfig.Invalid.self) { try config.specs() }
        #expect(refusal?.description == "sigmoid: derivative 7 is out of range; valid: 1 (f′) to 4")
        // The default check covers the seed figure's f″.
        #expect(try CheckConfig().specs().contains { $0.function.name == "sigmoid" && $0.derivative == 2 })
    }
}
