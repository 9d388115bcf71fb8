import ErrSweep
import Testing

@Suite struct GradientComparisonTests {
    /// The notes' expression at p = 1.5, q = 2; mpmath at 50 digits: ∂f/∂p = 1.48240453183331931…,
    /// ∂f/∂q = 0.574535599249992989….
    static let comparison = GradientComparison(
        try! ExpressionParser.parse("sqrt(p + p + q)/3 + ln(p*(p*q)) + 3"), at: ["p": 1.5, "q": 2])

    func row(_ method: GradientMethod) -> GradientComparison.Row { Self.comparison.rows.first { $0.method == method }! }

    @Test func exactGradientIsMpmaths() {
        #expect(Self.comparison.exact == [
            Double(nearest: big("1.482404531833319313093944911248751749029")),
            Double(nearest: big("0.574535599249992989880305788957709207848")),
        ])
    }

    @Test func methodsAgreeToTheirExpectedAccuracy() {
        for method in [GradientMethod.derivative(.reverseAD), .derivative(.forwardAD), .derivative(.complex)] {
            #expect(row(method).ulps.allSatisfy { $0 <= 2 }, "\(method): \(row(method).ulps)")
        }
        // Differences at the model's best step: errors near ε^(k/(k+1)) relative, in ulps about
        // 2^52·ε^(k/(k+1)): ~10^8 for k = 1, ~10^5 for k = 2, ~10^3 for k = 4 (within a factor 30).
        #expect(row(.derivative(.forward)).ulps.allSatisfy { $0 < 3e9 && $0 > 1e4 })
        #expect(row(.derivative(.central)).ulps.allSatisfy { $0 < 3e6 && $0 > 1e2 })
        #expect(row(.derivative(.central5)).ulps.allSatisfy { $0 < 3e4 })
    }

    @Test func workIsCounted() {
        #expect(row(.derivative(.forwardAD)).work == WorkCount([.dualPass: 2]))
        // Each axis's formula evaluates f(x) again: every sample of the stencil counts, per axis.
        #expect(row(.derivative(.forward)).work.count(of: .evaluation) == 4)   // 2n
        #expect(row(.derivative(.central)).work.count(of: .evaluation) == 4)   // 2n
        #expect(row(.derivative(.central5)).work.count(of: .evaluation) == 8)  // 4n
        #expect(row(.derivative(.complex)).work == WorkCount([.complexEvaluation: 2], detail: "h = 1e-20"))
        let reverse = row(.derivative(.reverseAD)).work
        #expect(reverse.count(of: .recording) == 1 && reverse.count(of: .backwardPass) == 1)
        #expect(reverse.description.hasPrefix("1 recording + 1 backward pass ("))
    }

    /// Outside f's domain no partial has a truth, even one defined there on its own
    /// (∂(√p + q)/∂q = 1 at p = −1): every exact entry is NaN, and the table says why.
    @Test func noTruthOutsideTheDomain() throws {
        let outside = GradientComparison(try ExpressionParser.parse("sqrt(p) + q"), at: ["p": -1, "q": 2])
        #expect(outside.exact.allSatisfy { $0.isNaN })
        #expect(outside.unsettled.keys.sorted() == ["p", "q"])
        #expect(outside.text.contains("no exact ∂f/∂q: f or f′ is undefined there"))
        let inside = GradientComparison(try ExpressionParser.parse("sqrt(p) + q"), at: ["p": 4, "q": 2])
        #expect(inside.exact == [0.25, 1] && inside.unsettled.isEmpty)
    }
}
