import ErrSweep
import Foundation
import Testing

@Suite struct ErrorModelTests {
    @Test func seriesCoefficientsAreTheTextbookOnes() {
        let forward: [Double] = [1.0 / 2, 1.0 / 6], backward: [Double] = [-1.0 / 2, 1.0 / 6]
        let central: [Double] = [0, 1.0 / 6, 0], central5Leading: [Double] = [0, 0, 0, -1.0 / 30]
        let complex: [Double] = [0, -1.0 / 6, 0, 1.0 / 120]
        #expect(Array(TruncationSeries.coefficients(of: .forward)!.prefix(2)) == forward)
        #expect(Array(TruncationSeries.coefficients(of: .backward)!.prefix(2)) == backward)
        #expect(Array(TruncationSeries.coefficients(of: .central)!.prefix(3)) == central)
        #expect(Array(TruncationSeries.coefficients(of: .central5)!.prefix(4)) == central5Leading)
        #expect(Array(TruncationSeries.coefficients(of: .complex)!.prefix(4)) == complex)
        #expect(TruncationSeries.coefficients(of: .forwardAD) == nil)
    }

    /// Forward difference of e^x at x = 0 in Double: f = f′ = f″ = 1 and x = 0, so the rounding's
    /// variance is u²(w₀²·1 + w₁²(1 + h)²)/(3h²) ≈ 2u²/(3h²): A = u·√(2/3). With C = f″/2 = 1/2,
    /// h* = (A/C)^(1/2) = √(2A) and E* = 2A/h* = √(2A), to first order (the later terms and the
    /// (1 + h)² move them by about h* ≈ 1e−8, relatively).
    @Test func forwardOptimumInClosedForm() {
        let derivatives = HigherDerivatives.at(BigFloat(0.0, precision: 256), of: Exponential())
        let model = ErrorModel.make(method: .forward, derivatives: derivatives, x: 0, precision: .double)
        #expect(model.leadingOrder == 1)
        let a = 0x1p-53 * (2.0 / 3).squareRoot()
        let optimum: Double = (2 * a).squareRoot()
        #expect(abs(model.optimalStep! / optimum - 1) < 1e-6)
        #expect(abs(model.optimalError! / optimum - 1) < 1e-6)
    }

    /// Central differences of sin at 1 in Double: C = f‴/6 = −cos(1)/6 and, for small h,
    /// A = u·√(Σwᵢ²(f² + x²f′²))/(√3·2) = u·√2·√(sin²1 + cos²1)/(2√3) = u/√6; then
    /// h* = (A/(2|C|))^(1/3).
    @Test func centralOptimumMatchesTheFormula() {
        let derivatives = HigherDerivatives.at(BigFloat(1.0, precision: 256), of: Sine())
        let model = ErrorModel.make(method: .central, derivatives: derivatives, x: 1, precision: .double)
        let a: Double = 0x1p-53 / 6.0.squareRoot()
        let c: Double = cos(1.0) / 6
        let predicted: Double = pow(a / (2 * c), 1.0 / 3)
        #expect(abs(model.rounding(at: 1e-6) * 1e-6 / a - 1) < 1e-5)
        #expect(abs(model.optimalStep! / predicted - 1) < 1e-3)
    }

    @Test func vanishingSecondDerivativeRaisesTheOrder() {
        let derivatives = HigherDerivatives.at(BigFloat(0.0, precision: 256), of: Sigmoid())
        let model = ErrorModel.make(method: .forward, derivatives: derivatives, x: 0, precision: .double)
        #expect(model.leadingOrder == 2)
        // σ‴(0) = −1/8, so the h² coefficient is c₂σ‴(0) = (1/6)(−1/8).
        #expect(abs(model.terms[0].coefficient + 1.0 / 48) < 1e-15)
    }

    @Test func evenFunctionUnderCentralStencilHasNoTruncation() {
        let derivatives = HigherDerivatives.at(BigFloat(0.0, precision: 256), of: Cosine())
        let model = ErrorModel.make(method: .central5, derivatives: derivatives, x: 0, precision: .double)
        #expect(model.terms.isEmpty)
        #expect(model.optimalStep == nil)
    }

    /// The x²f′² part of the variance is the rounding of x + h itself, which `--exact-step` avoids:
    /// for the forward difference at x = 2, a₀ = 2σ(2)² + 4σ′(2)² without it, 2σ(2)² with it.
    @Test func exactStepRemovesThePointRounding() {
        let derivatives = HigherDerivatives.at(BigFloat(2.0, precision: 256), of: Sigmoid())
        let plain = ErrorModel.make(method: .forward, derivatives: derivatives, x: 2, precision: .double)
        let exact = ErrorModel.make(method: .forward, derivatives: derivatives, x: 2, precision: .double, exactStep: true)
        let sigma: Double = 0.8807970779778824, slope: Double = 0.1049935854035065
        let withPoints: Double = 2 * sigma * sigma + 4 * slope * slope
        let withoutPoints: Double = 2 * sigma * sigma
        #expect(abs(plain.roundingVariance.a0 / withPoints - 1) < 1e-12)
        #expect(abs(exact.roundingVariance.a0 / withoutPoints - 1) < 1e-12)
    }

    /// sin at 0: f = 0, so the samples are about oᵢh·f′ and the rounding does not grow as h shrinks.
    @Test func zeroFunctionValueFlattensTheRounding() {
        let derivatives = HigherDerivatives.at(BigFloat(0.0, precision: 256), of: Sine())
        let model = ErrorModel.make(method: .central5, derivatives: derivatives, x: 0, precision: .double)
        #expect(abs(model.rounding(at: 1e-3) / model.rounding(at: 1e-12) - 1) < 1e-12)
    }

    /// The h* model's promise, across the catalog at its default points: where the V exists
    /// (a difference stencil with truncation and f(x) ≠ 0, and the grid reaching both sides of h*), the
    /// predicted best step is within a factor 5 of the bottom of the measured V.
    @Test(arguments: Catalog.names)
    func predictedOptimumWithinFactorFive(_ name: String) throws {
        let analysis = try Self.analysis(name)
        var compared = 0
        // No V (f(x) = 0): nothing to predict but the edge of a floor.
        for entry in analysis.entries where entry.method.stencil != nil && entry.model?.hasV == true {
            guard let predicted = entry.model?.optimalStep, let observed = entry.bottomOfTheV?.h,
                  predicted < 1e-2, predicted > 1e-15 else { continue }
            let ratio = max(predicted / observed, observed / predicted)
            #expect(ratio <= 5, "\(name) x = \(entry.x) \(entry.method): predicted \(predicted), observed \(observed) Emodel \(entry.model!.optimalError!) Eobs \(entry.bottomOfTheV!.error)")
            compared += 1
        }
        // Of the four stencils at four points, the V's bottom is inside the grid at half or more.
        let stencils = analysis.entries.filter { $0.method.stencil != nil }.count
        #expect(compared >= stencils / 2, "\(name): \(compared) of \(stencils) stencil entries compared")
    }

    /// Fitted truncation slopes within 0.1 of the model's order at the predicted optimum.
    @Test(arguments: Catalog.names)
    func fittedOrdersMatchTheory(_ name: String) throws {
        let analysis = try Self.analysis(name)
        var compared = 0
        for entry in analysis.entries {
            guard let slope = entry.truncationSlope, let model = entry.model,
                  let h = model.optimalStep, let order = model.order(at: h) else { continue }
            #expect(abs(slope - Double(order)) <= 0.1, "\(name) x = \(entry.x) \(entry.method): slope \(slope), theory \(order)")
            compared += 1
        }
        // Every stencil and the complex step has a truncation arm to fit at most points.
        #expect(compared >= analysis.entries.count / 2, "\(name): \(compared) of \(analysis.entries.count) entries compared")
    }

    /// Where rounding dominates, the fitted slope of log|rounding| matches the model's: −1 where
    /// f(x) ≠ 0, 0 where f(x) = 0 (sin and the cubic at x = 0). Near saturation (σ and tanh at
    /// 10, where f(x+h) − f(x) is a few ulps of 1) the rounding is a sawtooth, not a line, and
    /// those points are left out.
    @Test func roundingSlopesFollowTheModel() throws {
        var compared = 0
        for name in ["exp", "sin", "log", "runge", "gaussian", "cubic", "pow9half", "sigmoid"] {
            for entry in try Self.analysis(name).entries where entry.method.stencil != nil && abs(entry.x) < 10 {
                guard let slope = entry.roundingSlope, let model = entry.model else { continue }
                let expected = log10(model.rounding(at: 1e-11) / model.rounding(at: 1e-12))
                #expect(abs(slope - expected) <= 0.15, "\(name) x = \(entry.x) \(entry.method): \(slope) vs \(expected)")
                compared += 1
            }
        }
        // Eight functions, four stencils, three or four points each inside |x| < 10.
        #expect(compared >= 100, "\(compared) rounding slopes compared")
    }

    /// Each catalog function's sweep over 1e−1…1e−16, ten steps a decade, made once for every test
    /// here (a static is initialised once, whichever test asks first).
    static let analyses: [String: SweepAnalysis] = Dictionary(uniqueKeysWithValues: Catalog.names.map { name in
        let spec = SweepSpec(function: Catalog.function(named: name)!, steps: try! StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 10))
        return (name, SweepAnalysis(spec: spec, rows: SweepRunner.run(spec)))
    })

    static func analysis(_ name: String) throws -> SweepAnalysis { try #require(analyses[name]) }
}
