import ErrSweep
import RealModule
import Testing

/// A derivative that cancels: ((x + 2^−200) − x)·2^200 = 1 exactly, but 0 at any precision below
/// about 200 + log2|x| bits. Its ball is too wide to round until the precision covers the gap.
struct CancellingDerivative: CatalogFunction {
    var name: String { "cancelling" }
    var formula: String { "x" }
    var derivativeFormula: String { "((x + 2^−200) − x)·2^200" }
    var defaultPoints: [Double] { [1] }
    var lesson: String { "a test of the truth's precision ladder" }
    func callAsFunction<T: Scalar>(_ x: T) -> T { x }
    func derivative<T: Scalar>(_ x: T) -> T {
        let tiny = T.pow(2, -200)
        return ((x + tiny) - x) / tiny
    }
}

@Suite struct TruthTests {
    @Test func truthIsCorrectlyRounded() throws {
        let truth = try Truth<Double>.derivative(of: Sigmoid(), at: 2).get()
        // mpmath: σ′(2) = 0.1049935854035065173486241847604253612293…
        #expect(truth.rounded == Double(nearest: big("0.1049935854035065173486241847604253612293")))
        #expect(truth.exact.precision > 53)
    }

    @Test func aWideBallEscalates() throws {
        let truth = try Truth<Double>.derivative(of: CancellingDerivative(), at: 1).get()
        #expect(truth.rounded == 1)
        #expect(truth.bits == 340)  // 170 bits cannot hold x + 2^−200; 340 can
    }

    @Test func aWideBallIsRefusedWhenPrecisionRunsOut() {
        let result = Truth<Double>.derivative(of: CancellingDerivative(), at: 1, maximumBits: 200)
        #expect(throws: Truth<Double>.Failure.self) { try result.get() }
        guard case .failure(.unresolved(_, let bits)) = result else {
            Issue.record("expected unresolved, got \(result)")
            return
        }
        #expect(bits == 200)
    }

    /// ln′(−1) = 1/(−1) is a number, but ln(−1) is not: the truth refuses it.
    @Test func domainIsCheckedOnTheFunctionToo() {
        #expect(throws: Truth<Double>.Failure.domain) { try Truth<Double>.derivative(of: Logarithm(), at: -1).get() }
        #expect(throws: Truth<Double>.Failure.domain) { try Truth<Double>.derivative(of: SquareRoot(), at: -4).get() }
    }

    @Test func poleAndOverflowAreDifferent() throws {
        #expect(throws: Truth<Double>.Failure.pole) { try Truth<Double>.derivative(of: Logarithm(), at: 0).get() }
        // e^1000 is finite in MPFR but not in Double: the truth exists, and rounds to inf.
        let truth = try Truth<Double>.derivative(of: Exponential(), at: 1000).get()
        #expect(truth.rounded == .infinity)
        #expect(truth.exact.isFinite)
    }

    /// Beyond MPFR's exponent range (2^±(2^30)) MPFR overflows: e^(1e308) inside σ′ at −1e308
    /// gave ∞/∞ = NaN there. Arb's exponents are unbounded, so the ball proves σ′(−1e308) =
    /// e^(−1e308)/(1 + e^(−1e308))² rounds to 0 and e^(1e308) to ∞. e^(1e8) rounds to inf too.
    @Test func anOverflowOfMPFRItselfIsNoLongerAFailure() throws {
        let sigmoid = try Truth<Double>.derivative(of: Sigmoid(), at: -1e308).get()
        #expect(sigmoid.rounded == 0 && sigmoid.enclosure.isFinite)
        #expect(try Truth<Double>.derivative(of: Exponential(), at: 1e308).get().rounded == .infinity)
        #expect(try Truth<Double>.derivative(of: Exponential(), at: 1e8).get().exact.isFinite)
        #expect(throws: Truth<Double>.Failure.pole) { try Truth<Double>.derivative(of: Logarithm(), at: 0).get() }
    }

    @Test func everyPrecisionRoundsItsOwnTruth() throws {
        let exact = big("0.1049935854035065173486241847604253612293")
        #expect(try Truth<Float>.derivative(of: Sigmoid(), at: 2).get().rounded == Float(nearest: exact))
        #expect(try Truth<Float16>.derivative(of: Sigmoid(), at: 2).get().rounded == Float16(nearest: exact))
    }
}
