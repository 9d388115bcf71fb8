@testable import ErrSweep
import Foundation
import Testing

@Suite struct TapeTests {
    /// x used three times: d/dx (x·x + x) = 2x + 1 needs every use's adjoint summed.
    @Test func fanOutSumsAdjoints() {
        let tape = Tape<Double>()
        let x = tape.variable(3)
        let y = x * x + x
        #expect(tape.gradient(of: y, withRespectTo: [x]) == [7])
    }

    /// The notes' expression sqrt(p + p + q)/3 + ln(p·(p·q)) + 3, whose gradient by hand is
    /// ∂/∂p = 1/(3·sqrt(2p+q)) + 2/p and ∂/∂q = 1/(6·sqrt(2p+q)) + 1/q; at p = 1.5, q = 2 these
    /// are 1/(3√5) + 4/3 and 1/(6√5) + 1/2.
    @Test func gradientOfTheNotesExpression() {
        let tape = Tape<Double>()
        let p = tape.variable(1.5), q = tape.variable(2)
        let out = Tracked.sqrt(p + p + q) / 3 + Tracked.log(p * (p * q)) + 3
        let gradient = tape.gradient(of: out, withRespectTo: [p, q])
        // mpmath at 50 digits: 1/(3*sqrt(5)) + 4/3 and 1/(6*sqrt(5)) + 1/2
        #expect(ulps(gradient[0], from: "1.482404531833319313093944911248751749029") <= 2)
        #expect(ulps(gradient[1], from: "0.574535599249992989880305788957709207848") <= 2)
        #expect(out.value == sqrt(5) / 3 + log(4.5) + 3)
    }

    /// Constants alone are not recorded, nor is a constant factor or term on a recorded value
    /// (−5x + 3 names x's node and carries ∂/∂x = −5); combining two recorded values is.
    @Test func constantsAreNotRecorded() {
        let tape = Tape<Double>()
        let x = tape.variable(2)
        let c: Tracked<Double> = 5
        let before = tape.count
        _ = c * c + 1
        #expect(tape.count == before)
        let affine = -(c * x) + 3
        #expect(tape.count == before)
        #expect(affine.value == -7)
        #expect(tape.gradient(of: affine, withRespectTo: [x]) == [-5])
        let combined = affine - x * 2
        #expect(tape.count == before + 1)
        #expect(tape.gradient(of: combined, withRespectTo: [x]) == [-7])
    }

    @Test func resetKeepsWorking() {
        let tape = Tape<Double>(reservingCapacity: 16)
        for value in [1.0, 2.0, 3.0] {
            tape.reset()
            let x = tape.variable(value)
            let y = Tracked.exp(x) * x
            // d/dx x·e^x = (1 + x)·e^x, the closed form evaluated in MPFR.
            let exact = BigFloat(value, precision: 200)
            let closedForm = Double(nearest: (1 + exact) * BigFloat.exp(exact))
            #expect(tape.gradient(of: y, withRespectTo: [x])[0].ulpDistance(to: closedForm) <= 2)
            #expect(tape.count == 3)
        }
    }

    /// A chain far longer than the tape's first buffer: the tape grows, and ∂(w^k)/∂w = k·w^(k−1)
    /// comes out of it exactly for w = 1 — and again from a second backward pass, which must
    /// clear the first one's adjoints rather than add to them.
    @Test func growsAndRunsBackwardTwice() {
        let tape = Tape<Double>(reservingCapacity: 16)
        let w = tape.variable(1)
        var power = w
        for _ in 1..<100_000 { power = power * w }
        #expect(tape.count == 100_000)
        #expect(tape.gradient(of: power, withRespectTo: [w]) == [100_000])
        #expect(tape.gradient(of: power, withRespectTo: [w]) == [100_000])
        // From an inner node: ∂(w^10)/∂w = 10.
        tape.backward(from: Tracked(1, index: 9, tape: tape.storage))
        #expect(tape.adjoint(of: w) == 10)
    }

    @Test func forwardAndReverseAgreeOnAQuotientOfBothInputs() {
        // f(x) = sin x / (1 + x²), f′ = (cos x·(1 + x²) − 2x·sin x)/(1 + x²)², at x = 0.7
        let forward = AutomaticDerivative.forward(of: { x in Dual.sin(x) / (1 + x * x) }, at: 0.7)
        let reverse = AutomaticDerivative.reverse(of: { x in Tracked.sin(x) / (1 + x * x) }, at: 0.7)
        // mpmath at 50 digits: diff(lambda x: sin(x)/(1+x**2), 0.7) with x the double 0.7
        let exact = "0.1070717971808118551698781943174181053662"
        #expect(ulps(forward, from: exact) <= 2)
        #expect(ulps(reverse, from: exact) <= 2)
    }

    /// The bytes of Rosenbrock's recording at n inputs, from the layout: a node takes a kind byte
    /// and an adjoint (9 B), 4 B more per input more than three nodes back and 8 B per stored
    /// partial. An input takes 9 B. A term's eight operations take six nodes, 110 B: x·x 21 (xᵢ
    /// by index, a partial); a = xᵢ₊₁ − xᵢ² 13 (xᵢ₊₁ by index, xᵢ² the node before); b = 1 − xᵢ
    /// nothing (it names xᵢ with factor −1); a² 17 (a partial, a 1 back); 100·a² nothing (a²
    /// with factor 100); b² 21 (xᵢ by index, the partial −2b); 100a² + b² 25 (two partials, 100
    /// and 1, inputs 2 and 1 back); the running sum 13 (its last value 6 back, by index). As one
    /// statement a term takes 33 B (two inputs by index, two partials) and the running sum 9
    /// (its last value 2 back). The first sum adds to the constant 0, which records nothing: 13 B
    /// and 9 B less.
    @Test func rosenbrocksRecordingTakesTheBytesOfItsLayout() {
        let n = 11, x = Rosenbrock().point(n)
        let tape = Tape<Double>()
        let operations = tape.gradient(at: x) { Rosenbrock()($0) }
        #expect(tape.bytes == 9 * n + 110 * (n - 1) - 13)
        #expect(tape.count == n + 6 * (n - 1) - 1)
        let statements = tape.gradient(at: x) { Rosenbrock().statements($0)! }
        #expect(tape.bytes == 9 * n + 42 * (n - 1) - 9)
        let analytic = Rosenbrock().gradient(x)
        #expect(zip(operations, analytic).allSatisfy { $0.ulpDistance(to: $1) <= 4 })
        #expect(zip(statements, analytic).allSatisfy { $0.ulpDistance(to: $1) <= 4 })
    }

    /// Every kind of node, passed back through: a + b, a − b, c − a, −a, a·b, a/b, a/c, c/a, x·x,
    /// and a statement, each against its closed-form derivative at (a, b) = (1.5, −0.75).
    @Test func everyKindOfNodePassesItsAdjointBack() {
        let tape = Tape<Double>()
        let g = tape.gradient(at: [1.5, -0.75]) { v in
            let a = v[0], b = v[1]
            let parts: [Tracked<Double>] = [a + b, a - b, 2 - a, -a, a * b, a / b, a / 4, 3 / a, a * a,
                                            Tracked.statement(7, (a, 5), (b, -2))]
            return parts.reduce(0, +)
        }
        // ∂/∂a = 1 + 1 − 1 − 1 + b + 1/b + 1/4 − 3/a² + 2a + 5 and ∂/∂b = 1 − 1 + a − a/b² − 2.
        let (a, b) = (1.5, -0.75)
        let da = 1 + 1 - 1 - 1 + b + 1 / b + 0.25 - 3 / (a * a) + 2 * a + 5
        let db = 1.0 - 1 + a - a / (b * b) - 2
        #expect(abs(g[0] - da) <= 1e-14 && abs(g[1] - db) <= 1e-14, "\(g) against \(da), \(db)")
    }
}
