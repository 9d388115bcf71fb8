import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Cost: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the whole gradient by every method as the number of inputs grows.",
            discussion: """
                Example: errsweep cost --fn rosenbrock --n 10...1000000 --budget 2s
                Build in release for meaningful times: swift run -c release errsweep cost …
                """
        )

        @Option(help: ArgumentHelp("A function of n variables: \(MultivariateCatalog.functions.map(\.name).joined(separator: ", ")).", valueName: "name"))
        var fn = "rosenbrock"

        @Option(help: ArgumentHelp("The numbers of inputs: a log-spaced range A...B or a list A,B,C (default 10...100000; with --outputs 2...512).", valueName: "sizes"))
        var n: String?

        @Option(help: ArgumentHelp("The numbers of outputs k: times the whole Jacobian of the dense layer tanh(Wx + b) over every (n, k) by forward, vector-forward and reverse AD and central differences, and finds where forward mode beats reverse.", valueName: "sizes"))
        var outputs: String?

        @Option(help: "Sizes per decade of a range, 1 to 10.")
        var perDecade = 2

        @Option(parsing: .unconditional, help: ArgumentHelp("A method stops growing n once one gradient takes longer: 2s, 500ms.", valueName: "time"))
        var budget = "1s"

        @Option(help: "1: the gradient by every method; 2: a Hessian-vector product by every method, and the whole Hessian.")
        var derivative = 1

        @Option(help: ArgumentHelp("The methods to time, comma-separated, or all; f alone is always timed, for scale. A method named only is timed when named (contour, central:6).", valueName: "methods"))
        var method = "all"

        @OptionGroup var output: OutputOptions

        @OptionGroup var charts: ChartOptions

        func validate() throws {
            // Sizes a decade, for the gradient's n and the Jacobian's (n, k) alike.
            do { _ = try SpecParsing.perDecade(perDecade, limit: 10) } catch let error as SpecParsingError { throw ValidationError(error.description) }
            if outputs != nil {
                guard fn == "rosenbrock" || fn == "dense-layer" else {
                    throw ValidationError("--outputs times the dense layer's Jacobian; valid: --fn dense-layer (or no --fn), not '\(fn)'")
                }
                guard derivative == 1 else { throw ValidationError("--outputs times first derivatives; valid: --derivative 1") }
                guard method == "all" else { throw ValidationError("--outputs times forward, vector-forward and reverse AD and central differences; valid: no --method") }
                _ = try outputSizes()
                _ = try seconds()
                return
            }
            guard MultivariateCatalog.function(named: fn) != nil else {
                throw ValidationError("unknown function '\(fn)'; valid: \(MultivariateCatalog.functions.map(\.name).joined(separator: ", "))")
            }
            guard (1...2).contains(derivative) else { throw ValidationError("--derivative \(derivative) is out of range; valid: 1 (gradients) or 2 (Hessian-vector products and Hessians)") }
            _ = try methods()
            _ = try sizes()
            _ = try seconds()
        }

        /// The sizes an option lists (`A...B` log-spaced, or `A,B,C`), each in `range`.
        func grid(_ text: String, option: String, range: ClosedRange<Int>) throws -> [Int] {
            let grid: StepGrid
            do { grid = try StepGrid(parsing: text, of: .size) } catch { throw ValidationError("--\(option): \(error)") }
            let values = grid.steps(perDecade: perDecade).map { Int($0.rounded()) }
            guard values.allSatisfy({ range.contains($0) }) else {
                throw ValidationError("--\(option) \(text): every size must be \(range.lowerBound) to \(range.upperBound == 100_000_000 ? "10^8" : String(range.upperBound))")
            }
            return values
        }

        /// The (n, k) grid of the Jacobian experiment: a dense layer's n·k weights are held in
        /// memory and timed by n passes, so both stay at most 4096.
        func outputSizes() throws -> (inputs: [Int], outputs: [Int]) {
            (try grid(n ?? "2...512", option: "n", range: 1...4096), try grid(outputs ?? "1...512", option: "outputs", range: 1...4096))
        }

        func sizes() throws -> [Int] {
            let n = self.n ?? "10...100000"
            let values = try grid(n, option: "n", range: 2...100_000_000)
            if let largest = values.max(), let bytes = MultivariateCatalog.predictedBytes(of: fn, n: largest),
               let problem = MemoryBudget.problem(bytes, for: "\(fn)'s reverse-AD tape at n = \(largest)") {
                throw ValidationError("--n \(n): \(problem); valid: a smaller largest n")
            }
            return values
        }

        func methods() throws -> [GradientMethod] {
            do { return try SpecParsing.gradientMethods(method, derivative: derivative) } catch let error as SpecParsingError {
                throw ValidationError("--method: \(error.description)")
            }
        }

        func seconds() throws -> Double {
            let text = budget.trimmingCharacters(in: .whitespaces)
            let value: Double? = text.hasSuffix("ms") ? Double(text.dropLast(2)).map { $0 / 1000 }
                : text.hasSuffix("s") ? Double(text.dropLast()) : Double(text)
            guard let value, value.isFinite, value > 0 else {
                throw ValidationError("--budget \(budget) is not a time; valid: a positive number of seconds, as 2s or 500ms")
            }
            return value
        }

        func run() throws {
            try output.checkWritable()
            let renderer = try charts.plot.rendererForCommand()
            if outputs != nil { return try runJacobian(renderer: renderer) }
            let function = MultivariateCatalog.function(named: fn)!
            let terminal = isatty(STDERR_FILENO) == 1
            let methods = try methods()
            let results = MultivariateCatalog.measureCost(of: fn, sizes: try sizes(), budget: try seconds(), methods: methods) { method, n in
                if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K\(method.name) at n = \(n)".utf8)) }
            }!
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let command = "errsweep cost --fn \(fn) --n \(n ?? "10...100000") --per-decade \(perDecade) --budget \(budget)" + (derivative == 2 ? " --derivative 2" : "")
                + (method == "all" ? "" : " --method \(method)")
            let job = CostJob(results: results, function: function, command: command, budget: try seconds(),
                              root: output.root, renderer: renderer, chartFiles: try charts.files)
            let outcome = try Failure.whenWriting { try job.run() }
            let drawn = outcome.charts
            print(CostOutputs.summary(results, methods: methods, function: function), terminator: "")
            print("wrote Reports/data/cost-\(job.fileName).csv, Reports/cost-\(job.fileName).md" + (drawn.isEmpty ? "" : " and Plots/" + drawn.joined(separator: ", Plots/")))
            if let failure = outcome.chartFailure {
                throw Failure(description: "charts not drawn: \(failure)", code: .chartsFailed)
            }
        }

        /// The Jacobian crossover: every (n, k) of the dense layer by forward, vector-forward and
        /// reverse AD and central differences, the model priced once, and the files.
        func runJacobian(renderer: (any ChartRenderer)?) throws {
            let (inputs, outputs) = try outputSizes()
            let terminal = isatty(STDERR_FILENO) == 1
            let experiment = JacobianCostExperiment(inputs: inputs, outputs: outputs, budget: try seconds())
            let results = experiment.run { method, n, k in
                if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K\(method.rawValue) at n = \(n), k = \(k)".utf8)) }
            }
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let model = JacobianCostExperiment.model()
            let command = "errsweep cost --fn dense-layer --n \(n ?? "2...512") --outputs \(self.outputs ?? "1...512") --per-decade \(perDecade) --budget \(budget)"
            let job = JacobianCostJob(results: results, model: model, command: command, root: output.root, renderer: renderer, chartFiles: try charts.files)
            let outcome = try Failure.whenWriting { try job.run() }
            print("k      break-even n measured   model")
            for row in JacobianCostExperiment.breakEven(results) {
                print(String(format: "%-6d %-24@ %@", row.k, row.n.map { String(format: "%.1f", $0) } ?? "none in the grid", model.breakEven(k: row.k).map { String(format: "%.1f", $0) } ?? "none"))
            }
            print("wrote Reports/data/jacobian-cost.csv, Reports/jacobian-cost.md" + (outcome.charts.isEmpty ? "" : " and Plots/" + outcome.charts.joined(separator: ", Plots/")))
            if let failure = outcome.chartFailure { throw Failure(description: "charts not drawn: \(failure)", code: .chartsFailed) }
        }
    }
}
