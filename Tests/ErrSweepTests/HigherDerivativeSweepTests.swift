import Foundation
import Testing

@testable import ErrSweep

/// Sweeps of f⁽ᴷ⁾ over the whole catalog at its own points: the model's predictions against what
/// the sweep measures, for every K the difference methods compute.
@Suite struct HigherDerivativeSweepTests {
    static let orders = 2...DerivativeMethod.highestDerivative

    /// Fitted truncation orders within 0.1 of the model's order at its h*, and fitted rounding
    /// slopes within 0.1 of −K, wherever the sweep resolved the arm (`OrderFit` needs several rows
    /// where that part dominates ten to one).
    ///
    /// Two kinds of point are measured but held to less. Where f(x) = 0 (log at 1, sin at 0) the
    /// rounding depends on how f forms its zero — sin h is exact below 1e−8, log(1 + h) is exact
    /// relative to itself while 1 + h sits on a lattice of ulps — which no model of f's values can
    /// know; those rounding slopes are not compared. Where the estimate's rounding comes from one
    /// rounded value rather than several — the complex step's Re f(x + ih), and differences where
    /// f′(x) = 0 (Runge at 0), whose samples differ from f(x) by h²f″/2 — the rounding is a
    /// deterministic sawtooth in h, not noise, and a least-squares slope through its dips is off
    /// by up to 0.3.
    @Test(arguments: Catalog.names)
    func fittedSlopesMatchTheory(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        var truncations = 0, roundings = 0
        for k in Self.orders {
            for entry in try Self.analysis(name, derivative: k).entries where entry.method.usesStep {
                guard let model = entry.model else { continue }
                if let slope = entry.truncationSlope, let order = model.theoreticalOrder {
                    #expect(abs(slope - Double(order)) <= 0.1, "K=\(k) \(name) x = \(entry.x) \(entry.method): truncation slope \(slope), theory \(order)")
                    truncations += 1
                }
                guard let slope = entry.roundingSlope, f(entry.x) != 0 else { continue }
                let theory = Double(model.theoreticalRoundingSlope)
                let sawtooth = entry.method == .complex || f.derivative(entry.x) == 0
                #expect(abs(slope - theory) <= (sawtooth ? 0.3 : 0.1), "K=\(k) \(name) x = \(entry.x) \(entry.method): rounding slope \(slope), theory \(theory)")
                roundings += 1
            }
        }
        // Of 52 entries (K = 2…4, four points, the stencils and the complex step's f″): every
        // function fits a rounding arm at half of them or more, and a truncation arm at 8 or more
        // (the cubic has none past its third derivative; the others at 44 or more).
        #expect(truncations >= 8 && roundings >= 26, "\(name): \(truncations) truncation and \(roundings) rounding slopes compared")
    }

    /// For f″, the model's best step is within a factor 3 of the bottom of the measured V,
    /// wherever there is a V with both arms on the grid and f(x) ≠ 0 (see above: the model
    /// cannot know how f forms a zero).
    @Test(arguments: Catalog.names)
    func predictedOptimumOfTheSecondDerivativeWithinFactorThree(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        var compared = 0
        for entry in try Self.analysis(name, derivative: 2).entries where entry.model?.hasV == true && f(entry.x) != 0 {
            guard let predicted = entry.model?.optimalStep, let observed = entry.bottomOfTheV?.h,
                  predicted < 1e-2, predicted > 1e-15 else { continue }
            let ratio = max(predicted / observed, observed / predicted)
            #expect(ratio <= 3, "\(name) x = \(entry.x) \(entry.method): predicted \(predicted), observed \(observed)")
            compared += 1
        }
        #expect(compared >= 4, "\(name): only \(compared) entries had a V to compare")
    }

    /// The methods with a V: the stencils and the complex step's f″ (the multicomplex step has
    /// none, and is held to its floor in `MulticomplexStepTests`).
    static func analysis(_ name: String, derivative k: Int) throws -> SweepAnalysis {
        let f = try #require(Catalog.function(named: name))
        let methods = DerivativeMethod.all(derivative: k).filter { $0.stencil(derivative: k) != nil || $0 == .complex }
        let spec = SweepSpec(function: f, methods: methods, steps: try StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 10), derivative: k)
        return SweepAnalysis(spec: spec, rows: SweepRunner.run(spec))
    }
}
