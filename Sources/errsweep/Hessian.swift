import ArgumentParser
import ErrSweep

extension Errsweep {
    struct Hessian: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An expression's Hessian at a point by every method, against the symbolic second partials in MPFR.",
            discussion: "Example: errsweep hessian --fn 'sqrt(p + p + q)/3 + ln(p*(p*q)) + 3' --at p=1.5,q=2"
        )

        @OptionGroup var input: ExpressionAtPoint

        func run() throws {
            let (expression, point) = try input.parsed()
            let comparison = HessianComparison(expression, at: point)
            print("f(\(comparison.variables.joined(separator: ", "))) = \(expression)")
            print(comparison.text, terminator: "")
        }
    }
}
