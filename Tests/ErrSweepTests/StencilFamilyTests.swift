import Foundation
import Testing

@testable import ErrSweep
import ErrSweepReports

/// Difference formulas of any order by family (`--stencil central:6`): their names, their
/// series, and a sweep that shows each order.
@Suite struct StencilFamilyTests {
    @Test func namesReadBackAndNamedFormulasKeepTheirNames() {
        #expect(DerivativeMethod(rawValue: "central:6") == .fornberg(.central, order: 6))
        #expect(DerivativeMethod.fornberg(.backward, order: 3).rawValue == "backward:3")
        #expect(DerivativeMethod(rawValue: "central:4") == .central5)
        #expect(DerivativeMethod(rawValue: "central:2") == .central)
        #expect(DerivativeMethod(rawValue: "forward:1") == .forward)
        #expect(DerivativeMethod(rawValue: "forward-ad") == .forwardAD)
        for refused in ["central:3", "central:12", "forward:0", "forward:8", "sideways:2", "central:", "central:x"] {
            #expect(DerivativeMethod(rawValue: refused) == nil, "\(refused)")
        }
        #expect(DerivativeMethod.fornberg(.central, order: 6).fileName == "central-order6")
    }

    @Test func stencilsAreParsedWithOneLineErrors() throws {
        #expect(try SpecParsing.stencils("central:6, forward:3,central:6") == [.fornberg(.central, order: 6), .fornberg(.forward, order: 3)])
        #expect(throws: SpecParsingError.self) { try SpecParsing.stencils("central:5") }
        do { _ = try SpecParsing.stencils("middle:2") } catch { #expect("\(error)".contains("valid: family:order")) }
    }

    /// The seven-point central f′ formula D(h) has D(h) − f′ = h⁶f⁽⁷⁾/140 + …: Fornberg 1988,
    /// Table 1's row, weights −1, 9, −45, 0, 45, −9, 1 over 60, and its next moment
    /// Σwᵢoᵢ⁷/(60·7!) = 2160/302400.
    @Test func theSevenPointFormulasSeries() throws {
        let series = try #require(TruncationSeries.coefficients(of: .fornberg(.central, order: 6)))
        #expect(series.count == 8)
        #expect(series[0...4].allSatisfy { $0 == 0 })
        #expect(abs(series[5] - 1.0 / 140) < 1e-17)
    }

    /// exp at 1 by the central formulas of orders 6, 8 and 10: each truncation fitted within 0.1
    /// of its order where it is measured, the rounding within 0.1 of −1, and the model's h* within
    /// a factor 3 of the bottom of the V; and for f″ the order-6 formula's truncation too.
    @Test(arguments: [1, 2])
    func higherOrdersAreMeasuredAsTheirOrders(_ k: Int) throws {
        let f = try #require(Catalog.function(named: "exp"))
        let methods: [DerivativeMethod] = [.fornberg(.central, order: 6), .fornberg(.central, order: 8), .fornberg(.forward, order: 3)]
        let spec = SweepSpec(function: f, points: [1], methods: methods,
                             steps: try StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 10), derivative: k)
        let analysis = SweepAnalysis(spec: spec, rows: SweepRunner.run(spec))
        #expect(analysis.entries.count == 3)
        var fitted = 0
        for entry in analysis.entries {
            let order = try #require(entry.method.stencil(derivative: k)?.order)
            if let slope = entry.truncationSlope {
                #expect(abs(slope - Double(order)) <= 0.1, "K = \(k) \(entry.method.rawValue): \(slope)")
                fitted += 1
            }
            let rounding = try #require(entry.roundingSlope)
            #expect(abs(rounding + Double(k)) <= 0.1, "K = \(k) \(entry.method.rawValue): rounding \(rounding)")
            let predicted = try #require(entry.model?.optimalStep), observed = try #require(entry.bottomOfTheV?.h)
            #expect(max(predicted / observed, observed / predicted) <= 3, "K = \(k) \(entry.method.rawValue): \(predicted) vs \(observed)")
        }
        #expect(fitted >= 2)
    }

    /// A table with formulas named by order reads back row for row.
    @Test func aTableOfNamedOrdersReadsBack() throws {
        let spec = SweepSpec(function: Sigmoid(), points: [2], methods: [.fornberg(.backward, order: 4)],
                             steps: Steps([1e-2, 1e-3]), derivative: 3)
        let rows = SweepRunner.run(spec)
        let read = try MeasurementTable.rows(reading: MeasurementTable.csv(rows))
        #expect(read.map(\.method) == [.fornberg(.backward, order: 4), .fornberg(.backward, order: 4)])
        #expect(read.map(\.estimate) == rows.map(\.estimate))
        #expect(MeasurementTable.csv(rows).contains("sigmoid,2.0,backward:4,3,double,0.01,"))
    }
}
