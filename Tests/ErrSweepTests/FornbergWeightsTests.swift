@testable import ErrSweep
import Foundation
import Testing

/// Fornberg's weights against his Table 1 (Math. Comp. 51, 1988, p. 702), the rows for
/// derivatives 1 to 4 on centred grids and for one-sided grids, fraction for fraction.
@Suite struct FornbergWeightsTests {
    static func fractions(_ text: String) -> [Rational] {
        text.split(separator: " ").map { item in
            let parts = item.split(separator: "/").map { Int($0)! }
            return Rational(parts[0], parts.count == 2 ? parts[1] : 1)
        }
    }

    /// Centred: derivative, order of accuracy, and the weights on −r…r.
    static let centred: [(derivative: Int, order: Int, weights: String)] = [
        (1, 2, "-1/2 0 1/2"),
        (1, 4, "1/12 -2/3 0 2/3 -1/12"),
        (1, 6, "-1/60 3/20 -3/4 0 3/4 -3/20 1/60"),
        (1, 8, "1/280 -4/105 1/5 -4/5 0 4/5 -1/5 4/105 -1/280"),
        (2, 2, "1 -2 1"),
        (2, 4, "-1/12 4/3 -5/2 4/3 -1/12"),
        (2, 6, "1/90 -3/20 3/2 -49/18 3/2 -3/20 1/90"),
        (2, 8, "-1/560 8/315 -1/5 8/5 -205/72 8/5 -1/5 8/315 -1/560"),
        (3, 2, "-1/2 1 0 -1 1/2"),
        (3, 4, "1/8 -1 13/8 0 -13/8 1 -1/8"),
        (3, 6, "-7/240 3/10 -169/120 61/30 0 -61/30 169/120 -3/10 7/240"),
        (4, 2, "1 -4 6 -4 1"),
        (4, 4, "-1/6 2 -13/2 28/3 -13/2 2 -1/6"),
        (4, 6, "7/240 -2/5 169/60 -122/15 91/8 -122/15 169/60 -2/5 7/240"),
    ]

    /// One-sided (forward): derivative, order of accuracy, and the weights on 0…k+order−1.
    static let forward: [(derivative: Int, order: Int, weights: String)] = [
        (1, 1, "-1 1"),
        (1, 2, "-3/2 2 -1/2"),
        (1, 3, "-11/6 3 -3/2 1/3"),
        (1, 4, "-25/12 4 -3 4/3 -1/4"),
        (2, 1, "1 -2 1"),
        (2, 2, "2 -5 4 -1"),
        (2, 3, "35/12 -26/3 19/2 -14/3 11/12"),
        (3, 1, "-1 3 -3 1"),
        (4, 1, "1 -4 6 -4 1"),
    ]

    @Test(arguments: 0..<centred.count)
    func centredRowsMatchTableOne(_ index: Int) {
        let row = Self.centred[index]
        let r = (row.derivative + 1) / 2 - 1 + row.order / 2
        #expect(FornbergWeights.weights(derivative: row.derivative, offsets: Array(-r...r)) == Self.fractions(row.weights))
        let stencil = Stencil.central(derivative: row.derivative, order: row.order)
        #expect(stencil.order == row.order && stencil.derivative == row.derivative)
        // Its integer weights over its denominator are the table's nonzero fractions.
        let nonzero = Self.fractions(row.weights).filter { $0 != .zero }
        #expect(stencil.weights.map { Rational($0, stencil.denominator) } == nonzero)
    }

    @Test(arguments: 0..<forward.count)
    func oneSidedRowsMatchTableOne(_ index: Int) {
        let row = Self.forward[index]
        let offsets = Array(0..<(row.derivative + row.order))
        #expect(FornbergWeights.weights(derivative: row.derivative, offsets: offsets) == Self.fractions(row.weights))
        #expect(Stencil.forward(derivative: row.derivative, order: row.order).order == row.order)
        // Backward: the same weights mirrored, with the sign of (−1)ᵏ.
        let backward = Stencil.backward(derivative: row.derivative, order: row.order)
        let sign = row.derivative % 2 == 0 ? 1 : -1
        let mirrored = Self.fractions(row.weights).reversed().map { Rational(sign * $0.numerator, $0.denominator) }
        #expect(backward.weights.map { Rational($0, backward.denominator) } == mirrored.filter { $0 != .zero })
    }

    /// The named first-derivative formulas are the recurrence's own.
    @Test func theNamedStencilsAreFornbergs() {
        #expect(Stencil.central(derivative: 1, order: 2) == .central)
        #expect(Stencil.central(derivative: 1, order: 4) == .central5)
        #expect(Stencil.forward(derivative: 1, order: 1) == .forward)
        #expect(Stencil.backward(derivative: 1, order: 1) == .backward)
    }

    /// A second derivative evaluated: (e^(x+h) − 2e^x + e^(x−h))/h² at x = 0, h = 10⁻³ is
    /// e″(0) = 1 to about h²/12 ≈ 8e-8 (its truncation), far above its rounding 4ε/h² ≈ 9e-10.
    @Test func aSecondDerivativeIsDividedByHSquared() {
        let value = Stencil.central(derivative: 2, order: 2).apply({ (x: Double) in .exp(x) }, at: 0, step: 1e-3)
        #expect(abs(value - 1 - 1e-6 / 12) < 1e-8, "\(value)")
    }

    /// The V of the second central difference of exp at 1 in Double: its error is
    /// A·h² + B/h² with A = |f⁗|/12 (truncation) and B = Σ|wᵢ|·(ε/2)·|f| = 2ε|f| (rounding of the
    /// four units of weight), so the best step is h* = (B/A)^¼ = (24ε)^¼ ≈ 8.5e-5 — ε^{1/(K+p)}
    /// with K = p = 2 — and the best error 2√(AB) ≈ e·1.7e-8, half of Double's digits. The
    /// bottom of the measured V (the median error over a decade, so no lucky rounding wins) is
    /// within a factor 3 of h*, and its error within a factor 5 of the model's.
    @Test func theSecondDifferenceBottomsOutNearTheFourthRootOfEpsilon() {
        let stencil = Stencil.central(derivative: 2, order: 2), e = 2.718281828459045
        let steps = (0...140).map { Foundation.pow(10, -1 - Double($0) / 20) }  // 1e-1 … 1e-8
        let errors = steps.map { abs(stencil.apply({ (x: Double) in .exp(x) }, at: 1, step: $0) - e) }
        // The running median over a decade (21 steps), and where it is least.
        let medians = (10..<(steps.count - 10)).map { i in (steps[i], errors[(i - 10)...(i + 10)].sorted()[10]) }
        let bottom = medians.min { $0.1 < $1.1 }!
        let hStar = Foundation.pow(24 * Double.ulpOfOne, 0.25)
        let eStar = 2 * (e / 12 * 2 * Double.ulpOfOne * e).squareRoot()
        #expect(bottom.0 > hStar / 3 && bottom.0 < hStar * 3, "bottom at h = \(bottom.0), model \(hStar)")
        #expect(bottom.1 > eStar / 5 && bottom.1 < eStar * 5, "bottom error \(bottom.1), model \(eStar)")
    }
}
