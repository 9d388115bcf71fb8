import CLibFuzzer
import Glibc
import ComplexModule
import ErrSweep

/// One libFuzzer input: any bytes, read as an expression. Whatever the text, the parser either
/// refuses it with a caret inside the text or gives a tree; a tree must print to text that reads
/// back as the same tree, and it and its derivative must evaluate in every number system the
/// methods use without trapping. A violated promise traps, which libFuzzer records as a crash.
func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let expression: MathExpression
    do {
        expression = try ExpressionParser.parse(text)
    } catch let failure as ExpressionParser.Failure {
        precondition(failure.position >= 0 && failure.position <= text.count, "caret outside the text: \(failure)")
        _ = failure.description
        return 0
    } catch {
        preconditionFailure("the parser threw something other than a Failure: \(error)")
    }

    let printed = expression.description
    let reread = try? ExpressionParser.parse(printed)
    precondition(reread == expression, "'\(text)' prints as '\(printed)', which reads back as \(String(describing: reread))")

    let variable = expression.variables.first ?? "x"
    let derivative = expression.derivative(withRespectTo: variable)
    _ = derivative.description
    for x in [-1.5, 0.0, 0.5, 2.0, 1e300] {
        _ = expression.evaluate(at: x, variable: variable)
        _ = derivative.evaluate(at: x, variable: variable)
        _ = expression.evaluate(at: Float16(x), variable: variable)
        _ = expression.evaluate(at: Complex(x, 1e-20), variable: variable)
        _ = expression.evaluate(at: BigFloat(x, precision: 80), variable: variable)
        _ = AutomaticDerivative.forward(of: { expression.evaluate(at: $0, variable: variable) }, at: x)
        _ = AutomaticDerivative.reverse(of: { expression.evaluate(at: $0, variable: variable) }, at: x)
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzExpression($0, $1) })
