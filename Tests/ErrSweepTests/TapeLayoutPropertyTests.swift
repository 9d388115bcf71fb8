@testable import ErrSweep
import Testing

/// The tape names an input one to three nodes back in its node's kind byte and hands that input's
/// adjoint on in a register; any other input by index, through memory. Random straight-line
/// programs reach every kind with every mix of the two, and outputs in the middle of the tape
/// (nodes after them stepped over). Their values are small integers and halves, so forward and
/// reverse mode are both exact and must agree to the bit: any slip in the window is a wrong bit.
@Suite struct TapeLayoutPropertyTests {
    /// One operation of a program: what it does and the values (by position) it reads.
    struct Step {
        enum Operation: CaseIterable { case sum, difference, product, square, negation, plusConstant, constantMinus, timesConstant, halved, quotient }
        var operation: Operation
        var a: Int, b: Int
    }

    /// Runs `program` on `inputs` in any arithmetic.
    static func run<T: Scalar>(_ program: [Step], _ inputs: [T]) -> [T] {
        var values = inputs
        for step in program {
            let a = values[step.a], b = values[step.b]
            let value: T = switch step.operation {
            case .sum: a + b
            case .difference: a - b
            case .product: a * b
            case .square: a * a
            case .negation: -a
            case .plusConstant: a + 3
            case .constantMinus: 2 - a
            case .timesConstant: a * 3
            case .halved: a / 2
            case .quotient: a / b
            }
            values.append(value)
        }
        return values
    }

    /// A program of `length` steps on `n` inputs, each input mostly one to five values back; a
    /// quotient only by a power of two and products only while values stay small, so that every
    /// value and every derivative is exact in Double.
    static func program(length: Int, inputs: [Double], random: inout SplitMix) -> [Step] {
        var program: [Step] = [], values = inputs
        func pick() -> Int {
            let back = random.unit() < 0.8 ? 1 + Int(random.next() % 5) : 1 + Int(random.next() % UInt64(values.count))
            return max(0, values.count - back)
        }
        while program.count < length {
            let step = Step(operation: Step.Operation.allCases[Int(random.next() % 10)], a: pick(), b: pick())
            let a = values[step.a], b = values[step.b]
            if step.operation == .quotient, b == 0 || b.magnitude.significandBitPattern != 0 || b.magnitude < 0.5 { continue }
            if [.product, .square, .timesConstant].contains(step.operation), max(a.magnitude, b.magnitude) > 64 { continue }
            values = run(program + [step], inputs)
            program.append(step)
        }
        return program
    }

    /// A drawn case: 1 to 4 inputs from −3 to 3 and a program of 4 to 23 steps.
    static func draw(_ random: inout SplitMix) -> (inputs: [Double], program: [Step]) {
        let n = 1 + Int(random.next() % 4)
        let inputs = (0..<n).map { _ in Double(Int(random.next() % 7) - 3) }
        return (inputs, program(length: 4 + Int(random.next() % 20), inputs: inputs, random: &random))
    }

    /// Input j's tangent seeded: forward mode's derivative along coordinate j.
    static func seeded(_ inputs: [Double], _ j: Int) -> [Dual<Double>] {
        inputs.indices.map { Dual(inputs[$0], tangent: $0 == j ? 1 : 0) }
    }

    @Test func reverseModeAgreesWithForwardModeToTheBit() {
        var random = SplitMix(seed: 20261205)
        var compared = 0
        for _ in 0..<400 {
            let (inputs, program) = Self.draw(&random)
            let n = inputs.count
            // Output: a value in the middle of the tape as often as the last one.
            let outputs = Self.run(program, inputs).indices
            let output = random.unit() < 0.5 ? outputs.last! : outputs[Int(random.next() % UInt64(outputs.count))]
            let reverse = Tape<Double>().gradient(at: inputs) { Self.run(program, $0)[output] }
            for j in 0..<n {
                let forward = Self.run(program, Self.seeded(inputs, j))[output].tangent
                #expect(reverse[j] == forward, "input \(j) of \(program) at \(inputs), output \(output)")
                compared += 1
            }
        }
        #expect(compared >= 800)
    }

    /// Two outputs weighted in one sweep (a vector-Jacobian product): the window starts from
    /// seeds on two nodes, one of them in the middle of the tape.
    @Test func weightedOutputsAgreeWithForwardMode() {
        var random = SplitMix(seed: 20261206)
        var compared = 0
        for _ in 0..<200 {
            let (inputs, program) = Self.draw(&random)
            let n = inputs.count
            let count = n + program.count
            let first = n + Int(random.next() % UInt64(program.count)), second = count - 1
            let weights: [Double] = [2, -0.5]
            let products = Tape<Double>().vectorJacobianProducts(at: inputs, [weights]) { x in
                let values = Self.run(program, x)
                return [values[first], values[second]]
            }[0]
            for j in 0..<n {
                let values = Self.run(program, Self.seeded(inputs, j))
                let forward = weights[0] * values[first].tangent + weights[1] * values[second].tangent
                #expect(products[j] == forward, "input \(j) of \(program) at \(inputs)")
                compared += 1
            }
        }
        #expect(compared >= 400)
    }
}
