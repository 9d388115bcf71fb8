import ArgumentParser
import ErrSweep
import ErrSweepReports

extension Errsweep {
    /// `errsweep check-derivative`: a derivative you wrote, checked against f's — exactly (f's
    /// own derivative proved in Arb balls) or as a black box (estimates with their bounds) — in
    /// each working precision; kinks, domain edges and noise handled as the library's checks do.
    struct CheckDerivative: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-derivative",
            abstract: "Check a derivative you wrote against f's: exactly, or from f's values alone; exit 1 if it is wrong anywhere.",
            discussion: """
                Example: errsweep check-derivative --fn 'x*exp(-x)' --df '(1-x)*exp(-x)' --x -1,0.5,3 --precision all
                Exit 0: right at every point; 1: a mismatch or a point with no reference, each named; 64: bad input.
                """
        )

        @Option(
            name: .customLong("fn"), parsing: .unconditional,
            help: ArgumentHelp("f: a catalog name or an expression in x.", valueName: "f"),
            transform: AnyCatalogFunction.init(namedOrParsing:))
        var function: AnyCatalogFunction

        @Option(
            name: .customLong("df"), parsing: .unconditional,
            help: ArgumentHelp("The derivative to check: an expression in x.", valueName: "f′"),
            transform: AnyCatalogFunction.init(namedOrParsing:))
        var derivative: AnyCatalogFunction

        @Option(
            name: .customLong("x"), parsing: .unconditional,
            help: ArgumentHelp("Points, comma-separated (default: f's own).", valueName: "x,…"),
            transform: SpecParsing.points)
        var points: [Double]?

        @Option(
            help: ArgumentHelp("Working precisions, comma-separated, or all: \(Precision.available.map(\.rawValue).joined(separator: ", ")).", valueName: "p,…"),
            transform: SpecParsing.precisions)
        var precision: [Precision] = [.double]

        @Flag(help: "Treat f as a black box: the reference is estimated from f's values, with its bound, not f's exact derivative.")
        var blackBox = false

        @Option(parsing: .unconditional, help: ArgumentHelp("Ulps of the working precision the derivative may be off (on top of an estimate's bound with --black-box).", valueName: "ulps"))
        var tolerance: Double?

        @Flag(help: "A kink (f not differentiable at a point) is a failure, instead of accepting any value between the one-sided derivatives.")
        var rejectKinks = false

        func validate() throws {
            // f′ in another variable than f (x^2 against 2*y) would be read in f's variable unseen.
            if let fx = function.asExpression?.variable, let dx = derivative.asExpression?.variable,
               !derivative.asExpression!.expression.variables.isEmpty, dx != fx {
                throw ValidationError("--df is an expression in \(dx), --fn in \(fx); valid: f′ in the same variable as f, \(fx)")
            }
            if let tolerance, !(tolerance >= 0 && tolerance.isFinite) {
                throw ValidationError("--tolerance \(tolerance) is not a number of ulps; valid: 0 or more")
            }
        }

        func run() throws {
            let points = self.points ?? function.defaultPoints
            let reference = blackBox ? "estimates from f's values with their bounds" : "f's exact derivative, proved in Arb balls"
            print("checking f′(x) = \(derivative.formula) for f(x) = \(function.formula) at x = \(points.map(NumberFormat.exact).joined(separator: ", ")), against \(reference)")
            var passed = true
            for precision in precision {
                let check = Self.check(function, derivative, at: points, in: precision, blackBox: blackBox, tolerance: tolerance, acceptingKinks: !rejectKinks)
                passed = passed && check.passed
                print("\(precision.rawValue): " + check.description.replacingOccurrences(of: "\n", with: "\n  "))
            }
            if !passed { throw ExitCode(1) }
        }

        /// The check in one precision.
        static func check(_ f: AnyCatalogFunction, _ df: AnyCatalogFunction, at points: [Double], in precision: Precision,
                          blackBox: Bool, tolerance: Double?, acceptingKinks: Bool) -> DerivativeCheck {
            func run<T: WorkingFloat>(_: T.Type) -> DerivativeCheck {
                let xs = points.map { T($0) }
                if blackBox {
                    return checkBlackBoxDerivative(of: { (x: T) in f(x) }, derivative: { df($0) }, at: xs, toleranceUlps: tolerance ?? 4, acceptingKinks: acceptingKinks)
                }
                return checkDerivative(of: Written(function: f), derivative: { (x: T) in df(x) }, at: xs, toleranceUlps: tolerance ?? 8)
            }
            switch precision {
            case .float16: return run(Float16.self)
            case .float: return run(Float.self)
            case .double: return run(Double.self)
            case .float80:
                #if arch(x86_64) || arch(i386)
                return run(Float80.self)
                #else
                preconditionFailure("float80 is not available on this machine: check Precision.isAvailable")
                #endif
            }
        }
    }
}

/// An expression or catalog function as the library's checker takes a function written once.
struct Written: ScalarFunction {
    let function: AnyCatalogFunction
    var name: String { function.name }
    var formula: String { function.formula }
    func callAsFunction<T: Scalar>(_ x: T) -> T { function(x) }
}
