import ArgumentParser
import ErrSweep
import ErrSweepReports
import Foundation

extension Errsweep {
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sweep the step h and measure every method's error (the default command)."
        )

        @Option(
            name: .customLong("fn"), parsing: .unconditional,
            help: ArgumentHelp("A catalog name (see 'errsweep list') or an expression in one variable, e.g. 'exp(x)/sqrt(sin(x)^3+cos(x)^3)' (default: sigmoid).", valueName: "f"),
            transform: AnyCatalogFunction.init(namedOrParsing:))
        var function = AnyCatalogFunction(Sigmoid())

        @OptionGroup var naming: NameOption

        @Option(
            name: .customLong("x"), parsing: .unconditional,
            help: ArgumentHelp("Points, comma-separated (default: the function's own).", valueName: "x,…"),
            transform: SpecParsing.points)
        var points: [Double]?

        @OptionGroup var order: DerivativeOption

        @Option(
            name: .customLong("method"),
            help: ArgumentHelp(
                "Methods, comma-separated, or all: \(DerivativeMethod.allCases.map(\.rawValue).joined(separator: ", ")) (complex for f′ and f″ only).",
                valueName: "m,…"))
        var methodList = "all"

        @Option(
            name: .customLong("stencil"),
            help: ArgumentHelp(
                "Difference formulas of any order of accuracy (Fornberg's weights) beside the methods: family:order, e.g. central:6,central:8,forward:3.",
                valueName: "f:p,…"))
        var stencilList: String?

        @Option(
            name: .customLong("precision"),
            help: ArgumentHelp(
                "Working precisions, comma-separated, or all: \(Precision.available.map(\.rawValue).joined(separator: ", ")).",
                valueName: "p,…"),
            transform: SpecParsing.precisions)
        var precisions: [Precision] = [.double]

        @Option(
            name: .customLong("h"), parsing: .unconditional,
            help: ArgumentHelp("Steps: a log-spaced range A...B (either direction) or a list A,B,C.", valueName: "steps"),
            transform: { try StepGrid(parsing: $0) })
        var grid = StepGrid.standard

        @Option(parsing: .unconditional, help: "Steps per decade of a range, 1 to 10^6.")
        var perDecade = StepGrid.standardPerDecade

        @Flag(help: "Difference stencils use h′ = (x+h) − x, a step the working precision represents exactly.")
        var exactStep = false

        @Flag(help: "Allow a grid of more than 10^7 steps.")
        var force = false

        @Option(
            name: .customLong("truth-bits"),
            parsing: .unconditional,
            help: ArgumentHelp("The cap on the precision of the proved truth, 256 to 1048576 bits (default 4096): a truth whose ball still spans more than one value there is truth-unresolved.", valueName: "bits"),
            transform: { text in
                guard let bits = Int(text), (256...(1 << 20)).contains(bits) else {
                    throw ValidationError("'\(text)' is not a cap in bits; valid: a whole number from 256 to 1048576")
                }
                return bits
            })
        var truthBits = Truth<Double>.defaultMaximumBits

        @OptionGroup var output: OutputOptions

        @OptionGroup var charts: ChartOptions

        /// The methods, each computing the K-th derivative, then the stencils not among them
        /// (checked by `validate`).
        var methods: [DerivativeMethod] { (try? chosenMethods()) ?? [] }

        func chosenMethods() throws -> [DerivativeMethod] {
            let named = try SpecParsing.methods(methodList, derivative: order.derivative)
            let stencils = try stencilList.map(SpecParsing.stencils) ?? []
            return named + stencils.filter { !named.contains($0) }
        }

        func validate() throws {
            _ = try naming.applied(to: function)
            do { _ = try chosenMethods() } catch let error as SpecParsingError {
                throw ValidationError(error.description)
            }
            if exactStep, !methods.contains(where: { $0.stencil != nil }) {
                throw ValidationError("--exact-step changes only difference stencils, and none of the methods is one; valid: add forward, backward, central or central5")
            }
            do { _ = try SpecParsing.perDecade(perDecade, limit: 1_000_000) } catch let error as SpecParsingError {
                throw ValidationError(error.description)
            }
            let count = grid.count(perDecade: perDecade)
            guard force || count <= StepGrid.defaultLimit else {
                throw ValidationError("the grid has \(count) steps, over 10^7; use fewer steps, or --force")
            }
            // Each row is an exact split in MPFR (about 16 µs a row a core): the whole sweep, not
            // only its grid, is bounded.
            let pointCount = points?.count ?? function.defaultPoints.count
            let rows = count * pointCount * methods.count * precisions.count
            guard force || rows <= StepGrid.defaultLimit else {
                throw ValidationError("the sweep has \(rows) rows (\(pointCount) points × \(methods.count) methods × \(precisions.count) precisions × \(count) steps), over 10^7, about \(rows / 125_000 / 60) minutes; use fewer, or --force")
            }
        }

        func run() throws {
            try output.checkWritable()
            try sweep(renderer: charts.plot.rendererForCommand())
        }

        func sweep(renderer: (any ChartRenderer)?) throws {
            var spec = SweepSpec(
                function: try naming.applied(to: function), points: points, methods: methods, precisions: precisions,
                steps: grid.steps(perDecade: perDecade), exactStep: exactStep, derivative: order.derivative)
            spec.truthBits = truthBits
            let job = SweepJob(spec: spec, grid: grid, perDecade: perDecade, root: output.root,
                               renderer: renderer, chartFiles: try charts.files,
                               command: ReproducingCommand.sweep(spec, grid: grid, perDecade: perDecade))
            let outcome = try Failure.whenWriting { try job.run() }
            print(SummaryText.render(spec, outcome.analysis))
            for explanation in outcome.explanations { print(explanation) }
            if exactStep { print(ExactStepComparison.render(spec, exact: outcome.analysis)) }
            let prefix = output.out == "." ? "" : output.root.path + "/"
            let images = outcome.files.filter { $0.hasPrefix("Plots/") && !$0.hasSuffix(".gp") }
            let name = spec.name
            print("wrote \(prefix)Reports/data/\(name).csv (\(outcome.rowCount) rows) and \(prefix)Reports/\(name).md")
            if let renderer, !images.isEmpty {
                // A chart in several formats is one chart in several files.
                let charts = Set(images.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }).count
                let count = charts == images.count ? "\(charts) charts" : "\(charts) charts as \(images.count) files"
                print("drew \(count) into \(prefix)Plots/ (\(renderer.name)): "
                      + images.map { String($0.dropFirst("Plots/".count)) }.joined(separator: ", "))
            }
            if let failure = outcome.chartFailure {
                throw Failure(description: "charts not drawn: \(failure)", code: .chartsFailed)
            }
        }
    }
}
