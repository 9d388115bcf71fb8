import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Estimate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The derivative of f from its values alone, with an error bound, by each black-box algorithm; judged against the truth.",
            discussion: """
                Examples: errsweep estimate --fn log --x 1e-6,1e8 --algorithm all
                          errsweep estimate --corpus      (the scoreboard, Reports/estimators.md)
                """
        )

        @Option(
            name: .customLong("fn"), parsing: .unconditional,
            help: ArgumentHelp("A catalog name (see 'errsweep list') or an expression in one variable (default: sigmoid).", valueName: "f"),
            transform: AnyCatalogFunction.init(namedOrParsing:))
        var function: AnyCatalogFunction?

        @OptionGroup var naming: NameOption

        @Option(
            name: .customLong("x"), parsing: .unconditional,
            help: ArgumentHelp("Points, comma-separated (default: the function's own).", valueName: "x,…"),
            transform: SpecParsing.points)
        var points: [Double]?

        @Option(
            name: .customLong("algorithm"),
            help: ArgumentHelp(
                "Algorithms, comma-separated, or all: \(DerivativeEstimator.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "a,…"),
            transform: SpecParsing.estimators)
        var algorithms: [DerivativeEstimator] = [.errsweep]

        @Option(
            name: .customLong("precision"),
            help: ArgumentHelp(
                "Working precisions f is evaluated in, comma-separated, or all: \(Precision.available.map(\.rawValue).joined(separator: ", ")).",
                valueName: "p,…"),
            transform: SpecParsing.precisions)
        var precisions: [Precision] = [.double]

        @Flag(help: "Score every algorithm over the built-in corpus and random smooth functions: Reports/estimators.md.")
        var corpus = false

        @Option(
            parsing: .unconditional, help: "The seed of the random smooth functions drawn with --corpus.",
            transform: { text in
                guard let seed = UInt64(text) else { throw ValidationError("'\(text)' is not a seed; valid: a whole number from 0 to 2^64 − 1") }
                return seed
            })
        var seed: UInt64 = 2026

        @Option(help: "How many random smooth functions --corpus draws, 1 to 10^4.")
        var random = 200

        @OptionGroup var output: OutputOptions

        @OptionGroup var charts: ChartOptions

        func validate() throws {
            if corpus {
                if naming.name != nil { throw ValidationError("--corpus scores its own cases under their own names; valid: --name with --fn 'EXPRESSION', without --corpus") }
                if function != nil || points != nil { throw ValidationError("--corpus scores its own cases; valid: --corpus alone, or --fn and --x without it") }
                if precisions != [.double] { throw ValidationError("--corpus runs in double; valid: --corpus without --precision") }
                guard (1...10_000).contains(random) else { throw ValidationError("--random \(random) is out of range; valid: 1 to 10^4") }
            }
            _ = try naming.applied(to: function ?? AnyCatalogFunction(Sigmoid()))
        }

        func run() throws {
            try output.checkWritable()
            let renderer = try charts.plot.rendererForCommand()
            let job: EstimateJob
            if corpus {
                let every = DerivativeEstimator.allCases
                let judged = JudgedEstimate.judge(EstimatorCorpus.cases, by: every)
                let drawn = JudgedEstimate.judge(EstimatorCorpus.randomSmooth(count: random, seed: seed), by: every)
                print(EstimateSummary.scores(EstimatorScore.scores(judged, algorithms: every), title: "corpus, \(EstimatorCorpus.cases.count) cases"))
                print(EstimateSummary.scores(EstimatorScore.scores(drawn, algorithms: every), title: "\(random) random smooth functions, seed \(seed)"))
                job = EstimateJob(judged: judged, kind: .scoreboard(random: drawn, seed: seed),
                                  command: "errsweep estimate --corpus --seed \(seed) --random \(random)", root: output.root, renderer: renderer, chartFiles: try charts.files)
            } else {
                let function = try naming.applied(to: self.function ?? AnyCatalogFunction(Sigmoid()))
                let points = self.points ?? function.defaultPoints
                let judged = precisions.flatMap { precision in
                    points.flatMap { x in algorithms.map { JudgedEstimate.judge($0, of: function, in: precision, at: x) } }
                }
                print(EstimateSummary.rows(judged))
                let shown = function.asExpression?.formula ?? function.name
                let command = ReproducingCommand.estimate(function, points: points, algorithms: algorithms, precisions: precisions)
                job = EstimateJob(judged: judged, kind: .points(function: shown, fileName: function.name),
                                  command: command, root: output.root, renderer: renderer, chartFiles: try charts.files)
            }
            let outcome = try Failure.whenWriting { try job.run() }
            let prefix = output.out == "." ? "" : output.root.path + "/"
            print("wrote " + outcome.files.sorted().map { prefix + $0 }.joined(separator: ", "))
            if let failure = outcome.chartFailure {
                throw Failure(description: "chart not drawn: \(failure)", code: .chartsFailed)
            }
        }
    }
}
