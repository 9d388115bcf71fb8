import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute accuracy and compare it with the baseline: exit 1 if anything got worse.",
            discussion: """
                Without --config the whole catalog is checked against Reports/baseline.json. \
                Exit 0: nothing got worse (improvements are listed); 1: a regression, shown in a \
                table; 64: a missing, empty or malformed baseline or config.
                """
        )

        @Option(help: ArgumentHelp("A JSON file naming functions, points, methods, tolerances and the baseline (see docs/accuracy-check.md).", valueName: "file"))
        var config: String?

        @Option(help: ArgumentHelp("The baseline file (default: Reports/baseline.json, or the config's).", valueName: "file"))
        var baseline: String?

        @Option(help: "The factor an error may grow by before it is a regression (2 = one bit).")
        var tolerance: Double?

        @Flag(help: "Rewrite the baseline with the accuracy measured now.")
        var update = false

        func run() throws {
            var settings = CheckConfig()
            if config == "" { throw Failure(description: "--config is empty; valid: the path of a JSON config (see docs/accuracy-check.md)", code: .validationFailure) }
            if baseline == "" { throw Failure(description: "--baseline is empty; valid: the path of a baseline JSON file", code: .validationFailure) }
            if let config {
                do { settings = try CheckConfig.read(URL(fileURLWithPath: config)) } catch {
                    throw Failure(description: "\(error)", code: .validationFailure)
                }
            }
            if let tolerance { settings.tolerance = tolerance }
            let path = URL(fileURLWithPath: baseline ?? settings.baselinePath(config: config))
            let old: AccuracyBaseline?
            do {
                _ = try settings.specs()
                old = update ? nil : try AccuracyBaseline.read(path, fix: "create it with 'errsweep check --update'")
            } catch {
                throw Failure(description: "\(error)", code: .validationFailure)
            }
            let current = try settings.measure()
            guard let old else {
                try Failure.whenWriting { try current.write(to: path) }
                print("wrote \(path.relativePath): \(current.entries.count) entries")
                return
            }
            let comparison = BaselineComparison(
                baseline: old, current: current, tolerance: settings.toleranceFactor, orderTolerance: settings.orderToleranceValue)
            print(comparison.report(tolerance: settings.toleranceFactor), terminator: "")
            if !comparison.passed { throw ExitCode.failure }
        }
    }
}
