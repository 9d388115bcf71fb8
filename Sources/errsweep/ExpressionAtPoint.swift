import ArgumentParser
import ErrSweep

/// --fn and --at, for the commands that differentiate an expression of several variables at one
/// point (gradient, hessian): both checked before any work, the expression needing a variable.
struct ExpressionAtPoint: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("An expression in one or more variables.", valueName: "f"))
    var fn: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The point, one value per variable: p=1.5,q=2.", valueName: "point"))
    var at: String

    func validate() throws {
        let expression: MathExpression
        do { expression = try ExpressionParser.parse(fn) } catch { throw ValidationError("\(error)") }
        guard !expression.variables.isEmpty else {
            throw ValidationError("'\(fn)' has no variables; valid: an expression in one or more variables, such as p*q")
        }
        do { _ = try PointParsing.point(at, variables: expression.variables) } catch { throw ValidationError("--at: \(error)") }
    }

    /// The expression and the point, parsed (`validate` has checked both).
    func parsed() throws -> (expression: MathExpression, point: [String: Double]) {
        let expression = try ExpressionParser.parse(fn)
        return (expression, try PointParsing.point(at, variables: expression.variables))
    }
}
