import ArgumentParser
import ErrSweep
import ErrSweepReports

/// --derivative K, for every command that sweeps: which derivative the methods compute. Which
/// methods are valid, and what `--method all` means, depends on it (`SpecParsing.methods`).
struct DerivativeOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Which derivative every method computes: 1 (f′, the default) to \(DerivativeMethod.highestDerivative).", valueName: "K"),
        transform: { text in
            guard let k = Int(text) else {
                throw ValidationError("--derivative '\(text)' is not a whole number; valid: 1 (f′) to \(DerivativeMethod.highestDerivative)")
            }
            do { return try SpecParsing.derivative(k) } catch let error as SpecParsingError { throw ValidationError(error.description) }
        })
    var derivative = 1
}
