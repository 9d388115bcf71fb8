import ArgumentParser
import ErrSweep
import ErrSweepReports

/// --name, for the commands that write an expression's files (sweep, landscape, estimate): the
/// expression's files and rows are called NAME instead of expr-HASH.
struct NameOption: ParsableArguments {
    @Option(
        help: ArgumentHelp("A name for an expression's files and rows, in place of expr-HASH: letters, digits, '.', '_', '-'.", valueName: "name"),
        transform: SpecParsing.fileName)
    var name: String?

    /// `function` under the name, refusing a catalog function (it has its own).
    func applied(to function: AnyCatalogFunction) throws -> AnyCatalogFunction {
        guard let name else { return function }
        guard let expression = function.asExpression else {
            throw ValidationError("--name names an expression's files, and \(function.name) is a catalog function with its own; valid: --name with --fn 'EXPRESSION'")
        }
        return AnyCatalogFunction(expression.named(name))
    }
}
