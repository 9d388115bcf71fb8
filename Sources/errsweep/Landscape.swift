import ArgumentParser
import ErrSweep
import Foundation

extension Errsweep {
    struct Landscape: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw one method's error over a range of points and steps as a heat map.",
            discussion: "Example: errsweep landscape --fn sigmoid --x -10...10 --method forward"
        )

        @Option(parsing: .unconditional, help: ArgumentHelp("A catalog name or an expression in one variable.", valueName: "f"))
        var fn = "sigmoid"

        @Option(name: .customLong("x"), parsing: .unconditional,
                help: ArgumentHelp("Points: a range A...B (see --x-count) or a list.", valueName: "range"))
        var points = "-10...10"

        @Option(help: "How many evenly spaced points a range of x has, 2 to 10000.")
        var xCount = 201

        @Option(help: ArgumentHelp("The method: \(DerivativeMethod.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "m"))
        var method = "forward"

        @Option(help: ArgumentHelp("The working precision.", valueName: "p"))
        var precision = "double"

        @Option(name: .customLong("h"), parsing: .unconditional,
                help: ArgumentHelp("Steps: a log-spaced range A...B or a list A,B,C.", valueName: "steps"),
                transform: { try StepGrid(parsing: $0) })
        var grid = StepGrid.logRange(from: 1e-1, to: 1e-16)

        @Option(parsing: .unconditional, help: "Steps per decade of a range, 1 to 1000.")
        var perDecade = 10

        @Option(help: ArgumentHelp("Root directory for Reports/ and Plots/.", valueName: "dir"))
        var out = "."

        @OptionGroup var charts: ChartOptions

        func validate() throws {
            do { _ = try Catalog.function(namedOrParsing: fn) } catch { throw ValidationError("\(error)") }
            guard (2...10_000).contains(xCount) else { throw ValidationError("--x-count \(xCount) is out of range; valid: 2 to 10000") }
            guard (1...1000).contains(perDecade) else { throw ValidationError("--per-decade \(perDecade) is out of range; valid: 1 to 1000") }
            do {
                let xs = try SpecParsing.pointRange(points, count: xCount)
                let steps = grid.steps(perDecade: perDecade).count
                if let problem = MemoryBudget.problem(MemoryBudget.landscape(points: xs.count, steps: steps),
                                                      for: "a landscape of \(xs.count) points × \(steps) steps") {
                    throw SpecParsingError("\(problem); valid: fewer points (--x-count) or steps (--per-decade)")
                }
                guard try SpecParsing.methods(method).count == 1 else { throw SpecParsingError("a landscape shows one method; give one of: \(DerivativeMethod.allCases.map(\.rawValue).joined(separator: ", "))") }
                guard try SpecParsing.precisions(precision).count == 1 else { throw SpecParsingError("a landscape shows one precision; give one of: \(Precision.allCases.map(\.rawValue).joined(separator: ", "))") }
            } catch let error as SpecParsingError {
                throw ValidationError(error.description)
            }
            if let problem = AtomicFile.problemWriting(under: URL(fileURLWithPath: out)) {
                throw ValidationError("--out \(out): \(problem); valid: a directory errsweep can create and write in")
            }
        }

        func run() throws {
            let renderer = try charts.plot.rendererForCommand()
            let chosen = try SpecParsing.methods(method)[0], inPrecision = try SpecParsing.precisions(precision)[0]
            var spec = SweepSpec(
                function: try Catalog.function(namedOrParsing: fn), points: try SpecParsing.pointRange(points, count: xCount),
                methods: [chosen], precisions: [inPrecision], steps: grid.steps(perDecade: perDecade))
            spec.splitsErrors = false
            let rows = SweepRunner.run(spec)
            let chart = LandscapeChart.make(spec: spec, rows: rows, method: chosen, precision: inPrecision)
            let csv = URL(fileURLWithPath: out).appendingPathComponent("Reports/data/\(chart.name).csv")
            do {
                try AtomicFile.write(lines: MeasurementTable.lines(rows, analysis: SweepAnalysis(spec: spec, rows: [])), to: csv)
            } catch {
                throw Failure.cannotWrite("\(error)")
            }
            print("wrote Reports/data/\(chart.name).csv (\(rows.count) rows)")
            guard let renderer else { return }
            do {
                let files = try renderer.render(chart, formats: charts.formats, into: URL(fileURLWithPath: out).appendingPathComponent("Plots"))
                print("drew Plots/\(files.map(\.lastPathComponent).filter { !$0.hasSuffix(".gp") }.joined(separator: ", Plots/")) (\(renderer.name))")
            } catch {
                throw Failure(description: "chart not drawn: \(error)", code: .chartsFailed)
            }
        }
    }
}
