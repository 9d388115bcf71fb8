import ErrSweep
import Testing

/// Each hand-derived derivative, and each formula, against mpmath's independent values.
@Suite struct CatalogTests {
    @Test func everyFunctionHasReferenceValuesAtFivePoints() {
        for name in Catalog.names {
            #expect((referenceValues[name]?.count ?? 0) >= 5, "no reference values for \(name)")
        }
    }

    @Test(arguments: Catalog.names)
    func derivativeInMPFRMatchesMpmath(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        for point in referencePoints(name) {
            let x = BigFloat(point.x, precision: 256)
            let reference = big(point.derivative)
            // mpmath's 40 printed digits are the limit of the comparison.
            #expect(relativeDifference(f.derivative(x), reference) < 1e-38, "\(name)′(\(point.x))")
        }
    }

    @Test(arguments: Catalog.names)
    func valueInMPFRMatchesMpmath(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        for point in referencePoints(name) {
            let value = f(BigFloat(point.x, precision: 256))
            #expect(relativeDifference(value, big(point.value)) < 1e-38, "\(name)(\(point.x))")
        }
    }

    @Test(arguments: Catalog.names)
    func valueInDoubleIsWithinTwoUlps(_ name: String) throws {
        let f = try #require(Catalog.function(named: name))
        for point in referencePoints(name) {
            #expect(ulps(f(point.x), from: point.value) <= 2, "\(name)(\(point.x))")
        }
    }

    @Test func namesAreUnique() {
        #expect(Set(Catalog.names).count == Catalog.names.count)
    }
}
