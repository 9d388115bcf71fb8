import ArgumentParser
import ErrSweep

extension Errsweep {
    struct Hessian: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An expression's Hessian at a point by every method, against the symbolic second partials in MPFR.",
            discussion: "Example: errsweep hessian --fn 'sqrt(p + p + q)/3 + ln(p*(p*q)) + 3' --at p=1.5,q=2"
        )

        @Option(parsing: .unconditional, help: ArgumentHelp("An expression in one or more variables.", valueName: "f"))
        var fn: String

        @Option(parsing: .unconditional, help: ArgumentHelp("The point, one value per variable: p=1.5,q=2.", valueName: "point"))
        var at: String

        func validate() throws {
            let expression: MathExpression
            do { expression = try ExpressionParser.parse(fn) } catch { throw ValidationError("\(error)") }
            guard !expression.variables.isEmpty else { throw ValidationError("'\(fn)' has no variables; a Hessian needs at least one") }
            do { _ = try PointParsing.point(at, variables: expression.variables) } catch { throw ValidationError("--at: \(error)") }
        }

        func run() throws {
            let expression = try ExpressionParser.parse(fn)
            let comparison = HessianComparison(expression, at: try PointParsing.point(at, variables: expression.variables))
            print("f(\(comparison.variables.joined(separator: ", "))) = \(expression)")
            print(comparison.text, terminator: "")
        }
    }
}
