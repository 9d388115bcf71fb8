import ErrSweep
import ErrSweepReports
import Foundation
import Testing

/// Every number is drawable: steps at the ends of the Double range, errors that overflow, one
/// step, landscapes inside one decade, over the whole range of x, with every step underflowed,
/// of one point, one step or both.
/// Each of these trapped in one renderer or the other (ChartLayout.ticks, GnuplotScript,
/// ChartPainter.paintHeatmap); here both renderers must draw every chart, and no gnuplot script
/// may carry inf or nan.
@Suite struct ExtremeChartTests {
    static func charts(_ spec: SweepSpec<some CatalogFunction>) -> [Chart] {
        let rows = SweepRunner.run(spec)
        return SweepCharts.all(spec: spec, rows: rows, analysis: SweepAnalysis(spec: spec, rows: rows))
    }

    /// The chart drawn by the real gnuplot, where it is installed: the image must exist and
    /// decode. (gnuplot refuses some scripts only when it runs them: `with image` over x from
    /// −1e308 to 1e308 said "image coordinates undefined".)
    static func expectGnuplotDraws(_ chart: Chart) throws {
        guard let gnuplot = Gnuplot.find() else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("errsweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try GnuplotRenderer(gnuplot: gnuplot).render(chart, formats: [.png], into: directory)
        let images = files.filter { $0.pathExtension == "png" }
        #expect(images.count == 1, "\(chart.name): \(files)")
        for file in images { #expect(try PNGFile.read(file).width > 0, "\(chart.name)") }
    }

    static func expectDrawable(_ chart: Chart) {
        for axis in [chart.xAxis, chart.yAxis] {
            #expect(axis.range.lowerBound.isFinite && axis.range.upperBound.isFinite && axis.range.lowerBound < axis.range.upperBound, "\(chart.name)")
            if axis.scale == .log { #expect(axis.range.lowerBound > 0, "\(chart.name)") }
        }
        let image = NativeRenderer.image(chart)
        #expect(image.width > 0)
        let settings = GnuplotScript.script(chart, outputs: [(.png, "x.png")]).split(separator: "\n").filter { $0.hasPrefix("set ") }
        #expect(!settings.contains { $0.contains("inf") || $0.contains("nan") }, "\(chart.name): \(settings)")
    }

    @Test(arguments: [
        SweepSpec(function: AnyCatalogFunction(Sigmoid()), points: [2], steps: [5e-324]),
        SweepSpec(function: AnyCatalogFunction(Exponential()), points: [709.7], steps: [1e-1, 1e-4, 1e-8, 1e-12]),
        SweepSpec(function: AnyCatalogFunction(Sigmoid()), points: [0], methods: [.forward], steps: [1e308]),
    ])
    func sweepsAtTheEndsOfTheRange(_ spec: SweepSpec<AnyCatalogFunction>) throws {
        for chart in Self.charts(spec) {
            Self.expectDrawable(chart)
            try Self.expectGnuplotDraws(chart)
        }
    }

    @Test func landscapes() throws {
        let cases: [(points: [Double], steps: [Double], precision: Precision)] = [
            (try SpecParsing.pointRange("0...1", count: 3), [2e-3, 3e-3, 5e-3], .double),
            (try SpecParsing.pointRange("-1e308...1e308", count: 3), [1e-3, 1e-4], .double),
            ([0, 1], [1e-30, 1e-31], .float16),
            ([0.5], [1e-3, 1e-4, 1e-5], .double),
            ([0, 1, 2], [1e-3], .double),
            ([0.5], [1e-3], .double),
        ]
        for c in cases {
            let spec = SweepSpec(function: Sigmoid(), points: c.points, methods: [.forward], precisions: [c.precision], steps: Steps(c.steps))
            let chart = LandscapeChart.make(spec: spec, rows: SweepRunner.run(spec), method: .forward, precision: c.precision)
            Self.expectDrawable(chart)
            try Self.expectGnuplotDraws(chart)
        }
    }

    /// low·(1 − t) + high·t: the span 2e308 overflows, the points do not.
    @Test func aRangeOverTheWholeDoubleRange() throws {
        #expect(try SpecParsing.pointRange("-1e308...1e308", count: 3) == [-1e308, 0, 1e308])
    }

    /// Linear ticks are decimals rounded once: 0.6, not 3 × 0.2 = 0.6000000000000001.
    @Test func linearTicksAreRoundDecimals() {
        let spec = SweepSpec(function: Sigmoid(), points: [0, 1], methods: [.forward], steps: [1e-3, 1e-4])
        let chart = LandscapeChart.make(spec: spec, rows: SweepRunner.run(spec), method: .forward, precision: .double)
        let script = GnuplotScript.script(chart, outputs: [(.png, "x.png")])
        #expect(!script.contains("0.6000000000000001"))
        #expect(Chart.Axis(label: "x", scale: .linear, range: 0...1).range == 0...1)
        #expect(Chart.Axis(label: "h", scale: .log, range: 5e-324...5e-324).range.upperBound == 5e-323)
    }
}
