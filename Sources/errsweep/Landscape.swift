import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Landscape: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw one method's error over a range of points and steps as a heat map.",
            discussion: "Example: errsweep landscape --fn sigmoid --x -10...10 --method forward"
        )

        @Option(
            name: .customLong("fn"), parsing: .unconditional,
            help: ArgumentHelp("A catalog name or an expression in one variable (default: sigmoid).", valueName: "f"),
            transform: AnyCatalogFunction.init(namedOrParsing:))
        var function = AnyCatalogFunction(Sigmoid())

        @OptionGroup var naming: NameOption

        @Option(name: .customLong("x"), parsing: .unconditional,
                help: ArgumentHelp("Points: a range A...B (see --x-count) or a list.", valueName: "range"))
        var points = "-10...10"

        @Option(help: "How many evenly spaced points a range of x has, 2 to 10000.")
        var xCount = 201

        @Option(help: ArgumentHelp("The method: \(DerivativeMethod.allCases.map(\.rawValue).joined(separator: ", ")), or family:order.", valueName: "m"))
        var method = DerivativeMethod.forward

        @OptionGroup var order: DerivativeOption
        var derivative: Int { order.derivative }

        @Option(help: ArgumentHelp("The working precision: \(Precision.available.map(\.rawValue).joined(separator: ", ")).", valueName: "p"))
        var precision = Precision.double

        @Option(name: .customLong("h"), parsing: .unconditional,
                help: ArgumentHelp("Steps: a log-spaced range A...B or a list A,B,C.", valueName: "steps"),
                transform: { try StepGrid(parsing: $0) })
        var grid = StepGrid.standard

        @Option(parsing: .unconditional, help: "Steps per decade of a range, 1 to 1000.")
        var perDecade = StepGrid.standardPerDecade

        @OptionGroup var output: OutputOptions

        @OptionGroup var charts: ChartOptions

        func validate() throws {
            _ = try naming.applied(to: function)
            guard (2...10_000).contains(xCount) else { throw ValidationError("--x-count \(xCount) is out of range; valid: 2 to 10000") }
            do { _ = try SpecParsing.perDecade(perDecade, limit: 1000) } catch let error as SpecParsingError { throw ValidationError(error.description) }
            do {
                let xs = try SpecParsing.pointRange(points, count: xCount)
                let steps = grid.steps(perDecade: perDecade).count
                if let problem = MemoryBudget.problem(MemoryBudget.landscape(points: xs.count, steps: steps),
                                                      for: "a landscape of \(xs.count) points × \(steps) steps") {
                    throw SpecParsingError("\(problem); valid: fewer points (--x-count) or steps (--per-decade)")
                }
                _ = try SpecParsing.methods(method.rawValue, derivative: derivative)
            } catch let error as SpecParsingError {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            try output.checkWritable()
            let renderer = try charts.plot.rendererForCommand()
            let (chosen, inPrecision) = (method, precision)
            let spec = SweepSpec(
                function: try naming.applied(to: function), points: try SpecParsing.pointRange(points, count: xCount),
                methods: [chosen], precisions: [inPrecision], steps: grid.steps(perDecade: perDecade), derivative: derivative)
            let job = LandscapeJob(spec: spec, method: chosen, precision: inPrecision, root: output.root,
                                   renderer: renderer, chartFiles: try charts.files)
            let outcome = try Failure.whenWriting { try job.run() }
            print("wrote Reports/data/\(outcome.chart.name).csv (\(outcome.rowCount) rows)")
            if let failure = outcome.chartFailure {
                throw Failure(description: "chart not drawn: \(failure)", code: .chartsFailed)
            }
            if let renderer {
                print("drew Plots/\(outcome.drawn.joined(separator: ", Plots/")) (\(renderer.name))")
            }
        }
    }
}
