import ArgumentParser
import ErrSweep

extension Errsweep {
    struct Derive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a function and its derivative: the symbolic derivative of an expression, or a catalog function's own.",
            discussion: "Example: errsweep derive --fn 'exp(x)/sqrt(sin(x)^3+cos(x)^3)'"
        )

        @Option(parsing: .unconditional, help: ArgumentHelp("A catalog name or an expression.", valueName: "f"))
        var fn: String

        func validate() throws {
            do { _ = try ExpressionParser.parse(fn) } catch {
                if Catalog.function(named: fn) == nil { throw ValidationError("\(error)") }
            }
        }

        func run() throws {
            if let function = Catalog.function(named: fn) {
                print("f(x)  = \(function.formula)")
                print("f′(x) = \(function.derivativeFormula)")
                return
            }
            let expression = try ExpressionParser.parse(fn)
            let variables = expression.variables.isEmpty ? ["x"] : expression.variables
            print("f(\(variables.joined(separator: ", "))) = \(expression)")
            for variable in variables {
                print("∂f/∂\(variable) = \(expression.derivative(withRespectTo: variable))")
            }
        }
    }
}
