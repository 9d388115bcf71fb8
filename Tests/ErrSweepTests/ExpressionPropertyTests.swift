import ErrSweep
import Foundation
import Testing

/// Random expressions over the whole grammar's arithmetic — subtraction and division of
/// sub-expressions, a variable used many times, decimal literals, π and e — at random points.
/// Unlike `ExpressionTests.automaticAgreesWithSymbolic` nothing is kept well conditioned, so the
/// sums of the chain rule do cancel; where they do, the explanation must account for the loss:
/// its running error bound, built from the measured magnitudes, is never below the error.
@Suite struct ExpressionPropertyTests {
    static func expression(depth: Int, _ rng: inout SplitMix) -> MathExpression {
        if depth == 0 || rng.unit() < 0.15 {
            switch Int(rng.unit() * 10) {
            case 0: return .constant(.pi)
            case 1: return .constant(.e)
            case 2: return .number(significand: Int(rng.unit() * 999) + 1, exponent: -Int(rng.unit() * 3))
            default: return .variable("x")
            }
        }
        let a = expression(depth: depth - 1, &rng)
        switch Int(rng.unit() * 11) {
        case 0: return .binary(.add, a, expression(depth: depth - 1, &rng))
        case 1: return .binary(.subtract, a, expression(depth: depth - 1, &rng))
        case 2: return .binary(.multiply, a, expression(depth: depth - 1, &rng))
        case 3: return .binary(.divide, a, .binary(.add, .integer(2), .call(.sin, [expression(depth: depth - 1, &rng)])))
        case 4: return .call(.sin, [a])
        case 5: return .call(.cos, [a])
        case 6: return .call(.exp, [.call(.atan, [a])])
        case 7: return .call(.log, [.binary(.add, .integer(1), .binary(.power, a, .integer(2)))])
        case 8: return .call(.tanh, [a])
        case 9: return .call(.sigmoid, [a])
        default: return .binary(.power, a, .integer(Int(rng.unit() * 2) + 2))
        }
    }

    @Test(arguments: [20261129, 31] as [UInt64])
    func truthIsTheValueAtFarHigherPrecision(seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        var compared = 0
        for _ in 0..<300 {
            let f = ExpressionFunction(Self.expression(depth: 4, &rng), variable: "x")
            let x = -3 + 6 * rng.unit()
            guard case .success(let truth) = Truth<Double>.derivative(of: f, at: x) else { continue }
            let far = Double(nearest: f.exactDerivative(at: x.exact.withPrecision(3000)))
            #expect(truth.rounded == far, "\(f.expression) at \(x)")
            compared += 1
        }
        #expect(compared > 250)
    }

    @Test(arguments: [1129, 7, 20261129, 424242] as [UInt64])
    func everyLargeADErrorIsAccountedFor(seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        var explained = 0, within = 0
        for _ in 0..<300 {
            let f = ExpressionFunction(Self.expression(depth: 4, &rng), variable: "x")
            let x = -3 + 6 * rng.unit()
            guard case .success(let truth) = Truth<Double>.derivative(of: f, at: x), truth.rounded.isNormal else { continue }
            let errors = [AutomaticDerivative.forward(of: { f($0) }, at: x).ulpDistance(to: truth.rounded),
                          AutomaticDerivative.reverse(of: { f($0) }, at: x).ulpDistance(to: truth.rounded)]
            if errors.allSatisfy({ $0 <= ADErrorExplanation.explainedAbove }) { within += 1; continue }
            let modes = ADErrorExplanation.analyse(f.expression, at: ["x": x], seeding: "x")
            for (mode, ulps) in zip(modes, errors) where ulps > ADErrorExplanation.explainedAbove {
                #expect(ulps <= mode.boundUlps, "\(f.expression) at \(x): \(mode.mode.rawValue) \(ulps) ulps, bound \(mode.boundUlps)")
                explained += 1
            }
        }
        #expect(within > 100)
        #expect(explained > 5)  // the generator does make AD cancel
    }
}
