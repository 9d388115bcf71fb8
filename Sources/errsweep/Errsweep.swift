import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

@main
struct Errsweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errsweep",
        abstract: "Shows, measures and explains how wrong each way of computing a derivative is.",
        discussion: """
            Sweeps the step h of forward, backward, central and five-point differences and of the \
            complex step, beside forward- and reverse-mode AD, and measures every estimate against \
            the exact derivative computed in MPFR.

            Examples:
              errsweep --fn sigmoid --h 1e-1...1e-16
              errsweep --fn sigmoid --method forward --x 0,2,4,10 --h 1e-2...1e-11
              errsweep --fn runge --h 1e-2,1e-4,1e-8 --precision all
              errsweep landscape --fn sigmoid --x -10...10 --method forward
              errsweep report
              errsweep check
              errsweep audit
              errsweep --fn 'exp(x)/sqrt(sin(x)^3+cos(x)^3)' --x 1.5
              errsweep derive --fn 'x^2*sin(x)'
              errsweep graph --fn 'sqrt(p + p + q)/3 + ln(p*(p*q)) + 3' --at p=1.5,q=2
              errsweep gradient --fn 'sqrt(p + p + q)/3 + ln(p*(p*q)) + 3' --at p=1.5,q=2
              errsweep jacobian --fn 'p*q, sin(p) + q^2, exp(q)' --at p=1,q=2
              errsweep cost --fn rosenbrock --n 10...1000000 --budget 2s
              errsweep list
            """,
        version: ErrSweepVersion.current,
        subcommands: [Sweep.self, List.self, Landscape.self, Report.self, Check.self, Audit.self, Derive.self, Graph.self, Gradient.self, Hessian.self, Jacobian.self, Cost.self, Estimate.self, CheckDerivative.self, Serve.self],
        defaultSubcommand: Sweep.self
    )

    /// Parses and runs like `ParsableCommand.main()`, but reports a usage error as one line on
    /// stderr (no usage dump) that says what would be valid, with exit code 64.
    static func main() {
        Interruption.install()
        #if DEBUG
        // The tests' kill switch (KilledRunTests): compiled into debug builds of the command line only.
        FaultInjection.target = ProcessInfo.processInfo.environment["ERRSWEEP_KILL_AT"]
        #endif
        let arguments = Array(CommandLine.arguments.dropFirst())
        let subcommands = configuration.subcommands.map { $0._commandName }
        if let first = arguments.first, !first.hasPrefix("-"), !subcommands.contains(first), first != "help" {
            fail("unknown subcommand '\(first)'; valid: \(subcommands.joined(separator: ", ")), or options only (see 'errsweep --help')", code: .validationFailure)
        }
        if arguments.first == "help", let topic = arguments.dropFirst().first, !subcommands.contains(topic) {
            fail("no help for '\(topic)': not a subcommand; valid: \(subcommands.joined(separator: ", "))", code: .validationFailure)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let failure as Failure {
            fail(failure.description, code: failure.code)
        } catch let code as ExitCode where code != .success {
            // The command has said what it had to (check's table of regressions): just the code.
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            var message = conciseMessage(for: error)
            // ArgumentParser's own "is invalid for" says nothing of what is valid; errsweep's own
            // refusals say "valid:" or "valid for --derivative 3:".
            let saysWhatIsValid = message.range(of: #"\bvalid( for [^:;]*)?:"#, options: .regularExpression) != nil
            if !saysWhatIsValid && !message.contains("what is valid") && !message.contains("\n") {
                message += "; see 'errsweep --help' for what is valid"
            }
            fail(message, code: code)
        }
    }

    /// ArgumentParser's message, with "The value 'V' is invalid for '--fn <f>': " shortened to
    /// "--fn: ": the reason that follows already quotes the value and says what is valid.
    static func conciseMessage(for error: Error) -> String {
        let message = validValues(in: message(for: error))
        guard message.hasPrefix("The value '"),
              let range = message.range(of: #"' is invalid for '(-[-a-z]+)[^']*': "#, options: .regularExpression)
        else { return message }
        let option = message[range].dropFirst("' is invalid for '".count).prefix { $0 != " " && $0 != "'" }
        return option + ": " + message[range.upperBound...]
    }

    /// ArgumentParser lists an enumerated option's values after "Please provide one of", as
    /// bullets or as 'a', 'b' or 'c': said instead on the same line as "valid: a, b, c".
    static func validValues(in message: String) -> String {
        guard let range = message.range(of: "Please provide one of") else { return message }
        let listed = message[range.upperBound...]
        let values: [String] = if listed.contains("\n") {
            listed.split(separator: "\n").compactMap { line in
                let item = line.trimmingCharacters(in: .whitespaces)
                return item.hasPrefix("- ") ? String(item.dropFirst(2)) : nil
            }
        } else {
            listed.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return message[..<range.lowerBound].trimmingCharacters(in: .whitespaces) + " valid: " + values.joined(separator: ", ")
    }

    static func fail(_ message: String, code: ExitCode) -> Never {
        FileHandle.standardError.write(Data("errsweep: \(message)\n".utf8))
        Foundation.exit(code.rawValue)
    }
}

/// A failure after the arguments were accepted: one line on stderr and an exit code from
/// sysexits(3).
struct Failure: Error, CustomStringConvertible {
    let description: String
    let code: ExitCode

    /// EX_CANTCREAT: an output file cannot be created.
    static func cannotWrite(_ description: String) -> Failure { Failure(description: description, code: ExitCode(73)) }

    /// `write()`'s result; any error it throws becomes `cannotWrite`.
    static func whenWriting<Result>(_ write: () throws -> Result) throws -> Result {
        do { return try write() } catch { throw cannotWrite("\(error)") }
    }
}

extension ExitCode {
    /// EX_UNAVAILABLE: a program errsweep was asked to use (gnuplot) is not installed.
    static let unavailable = ExitCode(69)
    /// The sweep and its table were written, but the charts could not be drawn.
    static let chartsFailed = ExitCode(1)
}
