import Foundation
import Testing

@testable import ErrSweep
import ErrSweepReports

/// The 4-point Cauchy contour, the method added through its own scheme file and one line of the
/// table: its estimate, its exact value and its model, against values from mpmath at 50 digits.
@Suite struct ContourMethodTests {
    static func rows(_ name: String, at x: Double, steps: Steps, derivative k: Int) throws -> [DerivativeMeasurement] {
        let f = try #require(Catalog.function(named: name))
        return SweepRunner.run(SweepSpec(function: f, points: [x], methods: [.contour], steps: steps, derivative: k))
    }

    /// The split's truncation is D(h) − f′(x) in real arithmetic for the Double h = 0.1:
    /// (sin 1.1 − sin 0.9 + 2 Im sin(1 + 0.1i))/0.4 − cos 1 = 4.502519364460664048415…e−7 (mpmath),
    /// cos 1 · Σₘ h⁴ᵐ/(4m + 1)!, the aliasing of the trapezoid rule on the circle.
    @Test func truncationIsTheTrapezoidRulesAliasing() throws {
        let row = try #require(try Self.rows("sin", at: 1, steps: [0.1], derivative: 1).first)
        #expect(row.status == .ok)
        #expect(abs(row.split.truncation - 4.502519364460664048415e-7) <= 1e-21)
        // The rounding is what is left, and small: the estimate is off by truncation + rounding.
        #expect(abs(row.split.rounding) < 1e-15)
        let model = try #require(ErrorModel.make(method: .contour, derivatives: HigherDerivatives.at(BigFloat(1.0), of: Catalog.function(named: "sin")!), x: 1, precision: .double).terms.first)
        #expect(model.order == 4)
        #expect(abs(model.coefficient - 0.5403023058681398 / 120) < 1e-18)
    }

    /// f″ and f‴ of exp at 0, h = 1/4: D(h) − 1 = h⁴·K!/(K + 4)! + h⁸·K!/(K + 8)! + …,
    /// 1.085070285427223519948842e−5 and 4.650299912636917077572992e−6 (mpmath). The split's
    /// truncation is that, and the Double estimate is within its rounding (u·Σ|wᵢ||f|/(d·hᴷ),
    /// about 1e−14 here) of D(h).
    @Test(arguments: [(2, 1.085070285427223519948842e-5), (3, 4.650299912636917077572992e-6)])
    func higherDerivativesOfExp(_ k: Int, _ truncation: Double) throws {
        let row = try #require(try Self.rows("exp", at: 0, steps: [0.25], derivative: k).first)
        #expect(row.truth.double == 1)
        #expect(abs(row.split.truncation - truncation) <= 1e-20, "K = \(k): \(row.split.truncation)")
        #expect(abs(row.estimate.double - 1 - truncation) <= 1e-13, "K = \(k): \(row.estimate)")
    }

    /// Its error has a V (it subtracts f(x − h) from f(x + h)): the best step is interior, near
    /// the model's h*, and its best error far below both ends'.
    @Test func hasAVWithItsBottomNearTheModelsStep() throws {
        let f = try #require(Catalog.function(named: "sigmoid"))
        let spec = SweepSpec(function: f, points: [2], methods: [.contour], steps: try StepGrid(parsing: "1e-1...1e-12").steps(perDecade: 10))
        let analysis = SweepAnalysis(spec: spec, rows: SweepRunner.run(spec))
        let entry = try #require(analysis.entries.first)
        let best = try #require(entry.best), h = try #require(entry.model?.optimalStep)
        #expect(DerivativeMethod.contour.errorShape() == .v)
        #expect(abs(log10(best.h / h)) < 1, "best h \(best.h), model h* \(h)")
        let rows = SweepRunner.run(spec)
        #expect(rows.first!.absoluteError > 100 * best.absoluteError && rows.last!.absoluteError > 100 * best.absoluteError)
    }

    /// Named, not swept by default; f′ to f‴ only, and said so.
    @Test func isNamedNotDefault() throws {
        #expect(DerivativeMethod(rawValue: "contour") == .contour)
        #expect(!DerivativeMethod.all(derivative: 1).contains(.contour))
        #expect((1...4).map(DerivativeMethod.contour.computes) == [true, true, true, false])
        #expect(throws: SpecParsingError.self) { try SpecParsing.methods("contour", derivative: 4) }
        do {
            _ = try SpecParsing.methods("contour", derivative: 4)
        } catch {
            #expect("\(error)".contains("(the 4-point Cauchy contour gives f′, f″ and f‴ only)"))
        }
    }
}
