import ErrSweep
@testable import ErrSweepReports
import Foundation
import Testing

@Suite struct ChartTests {
    /// Two points with a gap between, one exact zero, a marker: every feature of the script.
    static let tiny: Chart = {
        var chart = Chart(
            name: "tiny", title: "a tiny chart",
            xAxis: .init(label: "h", scale: .log, range: 1e-3...1e-1),
            yAxis: .init(label: "absolute error", scale: .log, range: 1e-6...1e-2),
            series: [.init(label: "a", points: [
                .init(x: 1e-3, y: 1e-4), .init(x: 3e-3, y: 2e-4), .init(x: 1e-2, y: .nan),
                .init(x: 3e-2, y: 5e-4), .init(x: 1e-1, y: 1e-3),
            ], color: 0, exactAt: [1e-2])])
        chart.markers = [.init(x: 1e-2, label: "h*", color: 3)]
        chart.legendNotes = [.exactZero]
        return chart
    }()

    @Test func gnuplotScriptIsTheGoldenText() {
        let expected = """
            # errsweep \(ErrSweepVersion.current): a tiny chart
            # Re-run from this directory: gnuplot tiny.gp
            reset
            $s0 << EOD
            0.001 0.0001
            0.003 0.0002

            0.03 0.0005
            0.1 0.001
            EOD
            $e0 << EOD
            0.01 1e-06
            EOD
            set title "a tiny chart" noenhanced
            set xlabel "h" noenhanced
            set ylabel "absolute error" noenhanced
            set xrange [0.001:0.1]
            set logscale x 10
            set xtics ("10^{-3}" 0.001, "10^{-2}" 0.01, "10^{-1}" 0.1, "" 0.002 1, "" 0.003 1, "" 0.004 1, "" 0.005 1, "" 0.006 1, "" 0.007 1, "" 0.008 1, "" 0.009 1, "" 0.02 1, "" 0.03 1, "" 0.04 1, "" 0.05 1, "" 0.06 1, "" 0.07 1, "" 0.08 1, "" 0.09 1)
            set yrange [1e-06:0.01]
            set logscale y 10
            set ytics ("10^{-6}" 1e-06, "10^{-5}" 1e-05, "10^{-4}" 0.0001, "10^{-3}" 0.001, "10^{-2}" 0.01, "" 2e-06 1, "" 3e-06 1, "" 4e-06 1, "" 5e-06 1, "" 6e-06 1, "" 7e-06 1, "" 8e-06 1, "" 9e-06 1, "" 2e-05 1, "" 3e-05 1, "" 4e-05 1, "" 5e-05 1, "" 6e-05 1, "" 7e-05 1, "" 8e-05 1, "" 9e-05 1, "" 0.0002 1, "" 0.0003 1, "" 0.0004 1, "" 0.0005 1, "" 0.0006 1, "" 0.0007 1, "" 0.0008 1, "" 0.0009 1, "" 0.002 1, "" 0.003 1, "" 0.004 1, "" 0.005 1, "" 0.006 1, "" 0.007 1, "" 0.008 1, "" 0.009 1)
            set grid xtics ytics lc rgb '#e0e0e0' lt 1
            set key bottom left reverse Left box opaque noenhanced
            set arrow 1 from 0.01, graph 0 to 0.01, graph 1 nohead dt 3 lw 1.5 lc rgb '#d62728'
            set label 1 "h*" at 0.01, graph 0.96 left offset 0.6,0 textcolor rgb '#d62728' noenhanced
            set terminal pngcairo size 960,640 enhanced font "DejaVu Sans,11" background rgb 'white'
            set output "tiny.png"
            plot $s0 using 1:2 with lines lw 2.0 dt 1 lc rgb '#1f77b4' title "a", \\
                 $e0 using 1:2 with points pt 11 ps 1.4 lc rgb '#1f77b4' notitle, \\
                 keyentry with points pt 11 ps 1.4 lc rgb 'black' title "error exactly 0 (drawn on the floor)"
            unset output

            """
        #expect(GnuplotScript.script(Self.tiny, outputs: [(.png, "tiny.png")]) == expected)
    }

    @Test func quotesAreEscaped() {
        var chart = Self.tiny
        chart.title = #"say "10\5""#
        #expect(GnuplotScript.script(chart, outputs: []).contains(#"set title "say \"10\\5\"" noenhanced"#))
    }

    /// Draws natively, writes with libpng, reads back with libpng, and finds the data.
    @Test func nativePNGShowsTheDataWhereTheLayoutPutsIt() throws {
        let directory = try Self.scratch()
        let files = try NativeRenderer().render(Self.tiny, formats: [.png], into: directory)
        #expect(files.map(\.lastPathComponent) == ["tiny.png"])
        let image = try PNGFile.read(files[0])
        #expect(image.width == ChartCanvas.width && image.height == ChartCanvas.height)
        let white = image.pixel(2, 2)
        #expect(white.red == 255 && white.green == 255 && white.blue == 255 && white.alpha == 255)
        let layout = ChartLayout(Self.tiny)
        // The curve's first point, in tab10 blue (31, 119, 180).
        #expect(Self.near(image, x: layout.column(1e-3) + 3, y: layout.row(1e-4), color: (31, 119, 180)))
        // The gap: nothing blue halfway between the points in x at the line's height.
        #expect(!Self.near(image, x: layout.column(1e-2), y: layout.row(10.0.squareRoot() * 1e-4), color: (31, 119, 180)))
        // The exact zero: a blue ▼ standing on the floor at x = 1e-2.
        #expect(Self.near(image, x: layout.column(1e-2), y: layout.bottom - 3, color: (31, 119, 180)))
        // Title text: dark pixels across the top centre.
        let dark = (400..<560).flatMap { x in (15..<35).map { y in image.pixel(x, y) } }.filter { $0.red < 100 }
        #expect(dark.count > 20)
    }

    @Test func nativeSVGIsWritten() throws {
        let files = try NativeRenderer().render(Self.tiny, formats: [.svg], into: try Self.scratch())
        let svg = try String(contentsOf: files[0], encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg"))
    }

    /// One description through both renderers: both images hold the series' colour and the
    /// marker's, and gnuplot's script is saved beside its image.
    @Test(.enabled(if: Gnuplot.find() != nil, "gnuplot is not installed"))
    func bothRenderersDrawTheSameDescription() throws {
        let directory = try Self.scratch()
        let native = try NativeRenderer().render(Self.tiny, formats: [.png], into: directory.appendingPathComponent("native"))
        let plotted = try GnuplotRenderer(gnuplot: Gnuplot.find()!).render(Self.tiny, formats: [.png, .svg], into: directory.appendingPathComponent("gnuplot"))
        #expect(plotted.map(\.lastPathComponent) == ["tiny.png", "tiny.svg", "tiny.gp"])
        for file in [native[0], plotted[0]] {
            let image = try PNGFile.read(file)
            #expect(image.width == 960 && image.height == 640)
            #expect(count(image) { $0.blue > $0.red + 60 && $0.blue > $0.green + 20 } > 300, "\(file.path): no blue curve")
            #expect(count(image) { $0.red > $0.green + 60 && $0.red > $0.blue + 60 } > 60, "\(file.path): no red marker")
        }
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("gnuplot").path)
        #expect(left.sorted() == ["tiny.gp", "tiny.png", "tiny.svg"])
    }

    @Test func sweepChartsHaveThePredictableNames() throws {
        let spec = SweepSpec(function: Sigmoid(), points: [0, 2], methods: [.forward, .complex], steps: [1e-2, 1e-4, 1e-6, 1e-8])
        let rows = SweepRunner.run(spec)
        let charts = SweepCharts.all(spec: spec, rows: rows, analysis: SweepAnalysis(spec: spec, rows: rows))
        #expect(charts.map(\.name) == [
            "sigmoid-forward", "sigmoid-complex",
            "sigmoid-x0-forward-split", "sigmoid-x0-complex-split", "sigmoid-x0-methods",
            "sigmoid-x2-forward-split", "sigmoid-x2-complex-split", "sigmoid-x2-methods",
        ])
        // The reference figure: absolute error against h on log-log axes, a curve per point.
        let reference = charts[0]
        #expect(reference.xAxis.scale == .log && reference.yAxis.scale == .log)
        #expect(reference.series.map(\.label) == ["x = 0", "x = 2"])
        #expect(reference.title.contains("sigmoid") && reference.title.contains("forward") && reference.title.contains("double"))
    }

    @Test func zerosAndGapsAreNotedInTheLegend() throws {
        // Complex step at x = 0 is exact for small h: zero errors, drawn on the floor.
        let spec = SweepSpec(function: Sigmoid(), points: [0], methods: [.complex, .forward], steps: [1e-2, 1e-9, 1e-12])
        let rows = SweepRunner.run(spec)
        let chart = SweepCharts.all(spec: spec, rows: rows, analysis: SweepAnalysis(spec: spec, rows: rows))[0]
        #expect(chart.series[0].exactAt == [1e-12, 1e-9])
        #expect(chart.legendNotes == [.exactZero])
        // log at 0.1 with backward steps past the domain edge: gaps.
        let edge = SweepSpec(function: Logarithm(), points: [0.1], methods: [.backward], steps: [0.2, 1e-3])
        let edgeRows = SweepRunner.run(edge)
        let edgeChart = SweepCharts.all(spec: edge, rows: edgeRows, analysis: SweepAnalysis(spec: edge, rows: edgeRows))[0]
        #expect(edgeChart.legendNotes.contains(.gaps))
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("errsweep-charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether a pixel within 3 of (x, y) is within 40 per channel of `color`.
    static func near(_ image: PNGFile.Image, x: Double, y: Double, color: (Int, Int, Int)) -> Bool {
        for dy in -3...3 {
            for dx in -3...3 {
                let px = Int(x) + dx, py = Int(y) + dy
                guard px >= 0, py >= 0, px < image.width, py < image.height else { continue }
                if close(image.pixel(px, py), color) { return true }
            }
        }
        return false
    }

    /// Pixels whose colour passes `test`, with channels as Ints.
    func count(_ image: PNGFile.Image, where test: ((red: Int, green: Int, blue: Int)) -> Bool) -> Int {
        var n = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image.pixel(x, y)
                if test((Int(p.red), Int(p.green), Int(p.blue))) { n += 1 }
            }
        }
        return n
    }

    static func close(_ p: (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8), _ c: (Int, Int, Int)) -> Bool {
        abs(Int(p.red) - c.0) < 40 && abs(Int(p.green) - c.1) < 40 && abs(Int(p.blue) - c.2) < 40
    }
}

/// The gnuplot runner's failures, with stand-in executables named gnuplot.
@Suite struct GnuplotRunnerTests {
    func fake(_ body: String) throws -> Gnuplot {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-gnuplot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("gnuplot")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
        chmod(url.path, 0o755)
        return try #require(Gnuplot.find(path: directory.path))
    }

    @Test func failureCarriesGnuplotsMessage() throws {
        let gnuplot = try fake("cat > /dev/null; echo 'line 3: undefined variable: foo' >&2; exit 1")
        #expect(throws: ChildProcess.Failure.failed(program: "gnuplot", status: 1, message: "line 3: undefined variable: foo\n")) {
            try gnuplot.run("plot foo", in: FileManager.default.temporaryDirectory)
        }
    }

    @Test func aHungGnuplotIsKilled() throws {
        let gnuplot = try fake("exec sleep 30")
        let started = Date()
        #expect(throws: ChildProcess.Failure.timedOut(program: "gnuplot", seconds: 0.5)) {
            try gnuplot.run("plot x", in: FileManager.default.temporaryDirectory, timeout: 0.5)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aFailedRenderLeavesNoImage() throws {
        let gnuplot = try fake("cat > /dev/null; touch .tiny.png.$PPID.tmp 2>/dev/null; exit 2")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        #expect(throws: ChildProcess.Failure.self) {
            try GnuplotRenderer(gnuplot: gnuplot).render(ChartTests.tiny, formats: [.png], into: directory)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// A gnuplot that leaves a child of its own holding stderr open: errsweep takes what was
    /// written and goes on, instead of waiting for an end of file that never comes.
    @Test func aChildHoldingStderrDoesNotHang() throws {
        let gnuplot = try fake("cat > /dev/null; echo 'warning: something' >&2; (sleep 30 &); exit 0")
        let started = Date()
        try gnuplot.run("plot x", in: FileManager.default.temporaryDirectory, timeout: 20)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// A gnuplot that never reads its script: the deadline covers the input too.
    @Test func aGnuplotThatNeverReadsIsKilledOnTime() throws {
        let gnuplot = try fake("exec sleep 30")
        let started = Date()
        let script = String(repeating: "# a long script that fills the pipe\n", count: 20_000)
        #expect(throws: ChildProcess.Failure.timedOut(program: "gnuplot", seconds: 0.5)) {
            try gnuplot.run(script, in: FileManager.default.temporaryDirectory, timeout: 0.5)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// A hung gnuplot costs a run one timeout: the charts after it are not started.
    @Test func aHungGnuplotCostsOneTimeoutPerRun() throws {
        let renderer = GnuplotRenderer(gnuplot: try fake("exec sleep 30"), timeout: 1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        let started = Date()
        for _ in 0..<5 {
            #expect(throws: ChildProcess.Failure.self) { try renderer.render(ChartTests.tiny, formats: [.png], into: directory) }
        }
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func notOnThePath() {
        #expect(Gnuplot.find(path: "/nonexistent") == nil)
        #expect(throws: Gnuplot.Failure.notInstalled) { try PlotBackend.gnuplot.renderer(path: "/nonexistent") }
        let fallback = try? PlotBackend.auto.renderer(path: "/nonexistent")
        #expect(fallback?.renderer is NativeRenderer)
        #expect(fallback?.note?.contains("gnuplot not found") == true)
    }

    /// A line between two far-apart points crosses the top-left corner, where no point lies; the
    /// other three corners hold a point each. The legend must not go where the line is drawn.
    @Test func theLegendAvoidsALineBetweenSparsePoints() {
        let crossing = Chart.Series(label: "steep", points: [.init(x: 1, y: 0.1), .init(x: 15.85, y: 10)], color: 0)
        let corners = Chart.Series(label: "c", points: [.init(x: 1, y: 1e-8), .init(x: 1e6, y: 1e-8), .init(x: 1e6, y: 10)], color: 1, stroke: .points)
        let chart = SweepCharts.chart(name: "legend", title: "legend", series: [crossing, corners], xLabel: "n", yLabel: "s")
        #expect(chart.yAxis.range == 1e-8...10)
        // Counting points alone, the top-left corner is empty and would be chosen.
        #expect(SweepCharts.covered(.topLeft, [(0, 0.78), (0.2, 1)], 0.1, 0.14) == 0)
        #expect(chart.legendCorner == .bottomLeft)
    }

    /// Four lines across the whole width and two diagonals: every corner holds part of a line,
    /// so the legend goes beside the frame, and the frame gives up its width to it.
    /// Six series across the whole frame, flat, rising and falling: every corner hides a line.
    static let crowded: Chart = {
        let xs = [1.0, 10, 100, 1000, 1e4, 1e5, 1e6]
        var series = [1e-8, 1e-5, 1e-2, 10].enumerated().map { index, y in
            Chart.Series(label: "flat \(index)", points: xs.map { Chart.Point(x: $0, y: y) }, color: index)
        }
        series.append(Chart.Series(label: "rising", points: xs.map { Chart.Point(x: $0, y: 1e-8 * pow($0, 1.5)) }, color: 4))
        series.append(Chart.Series(label: "a longer label, falling", points: xs.map { Chart.Point(x: $0, y: 10 / pow($0, 1.5)) }, color: 5))
        return SweepCharts.chart(name: "crowded", title: "crowded", series: series, xLabel: "n", yLabel: "s")
    }()

    @Test func theLegendGoesBesideTheFrameWhenEveryCornerHidesALine() {
        let chart = Self.crowded
        #expect(chart.legendCorner == .outsideRight)
        // 23 characters: 3 paddings of 8, a 30 px sample, 7 px a character, and a 14 px gap.
        #expect(ChartLayout.legendWidth(chart) == 24 + 30 + 7 * 23)
        #expect(ChartLayout(chart).right == 960 - 28 - 14 - 215)
        let origin = ChartLayout(chart).legendOrigin(.outsideRight, width: 215, height: 100)
        #expect(origin.x == 960 - 28 - 215 && origin.y == 48)
        #expect(GnuplotScript.keyPosition(chart.legendCorner) == "outside right top")
    }

    /// The crowded chart's legend on other canvases. The standard one keeps it beside the frame at
    /// full size. A narrow, tall page (3.5 × 5.6 in at 9 pt: 336 × 533⅓ units) puts it below the
    /// frame, since beside it would take 229 of 336 units, over 40 %. A column (3.5 × 2.4 in:
    /// 336 × 230.4 units) has no room below either (the frame would go negative), so it stays
    /// inside, scaled to 0.9 of the frame's 118.4 units over its own 16 + 6·20 = 136.
    @Test func theLegendIsPlacedForTheCanvasItIsDrawnOn() throws {
        let chart = Self.crowded
        #expect(chart.laidOut(for: .standard).legendCorner == .outsideRight)
        #expect(ChartLayout(chart).legendScale == 1 && ChartLayout(chart).legendColumns == 1)

        let tall = try SpecParsing.chartSize("3.5x5.6in", fontSize: nil, dotsPerInch: nil)
        let below = chart.laidOut(for: tall)
        #expect(below.legendCorner == .below)
        let layout = ChartLayout(below, width: tall.layoutWidth, height: tall.layoutHeight)
        #expect(layout.legendColumns == 1 && layout.legendScale == 1)
        #expect(abs(layout.bottom - (tall.layoutHeight - 64 - 136 - 14)) < 1e-9)
        let origin = layout.legendOrigin(.below, width: 215, height: 136)
        #expect(abs(origin.x - (336 - 215) / 2) < 1e-9 && origin.y == layout.bottom + 64)
        #expect(GnuplotScript.script(chart, outputs: [], size: tall).contains("set key below reverse Left box opaque noenhanced"))

        let column = try SpecParsing.chartSize("3.5x2.4in", fontSize: nil, dotsPerInch: nil)
        let inside = chart.laidOut(for: column)
        #expect([.topLeft, .topRight, .bottomLeft, .bottomRight].contains(inside.legendCorner))
        let small = ChartLayout(inside, width: column.layoutWidth, height: column.layoutHeight)
        #expect(abs(small.legendScale - 0.9 * 118.4 / 136) < 1e-9)
    }

    /// What lies beyond the frame is not drawn, so a legend over that corner hides nothing.
    @Test func pointsOutsideTheFrameAreNotHidden() {
        #expect(SweepCharts.covered(.bottomLeft, [(0.05, -0.5), (-0.1, 0.05), (0.05, 1.2)], 0.1, 0.1) == 0)
        #expect(SweepCharts.covered(.bottomLeft, [(0.05, 0.05), (0, 0)], 0.1, 0.1) == 2)
        #expect(SweepCharts.covered(.topRight, [(0.95, 0.95), (1.01, 0.95)], 0.1, 0.1) == 1)
    }

    /// Charts drawn on every core at once, as a sweep draws its batch: cairo's scaled-font cache
    /// asserted (`! scaled_font->cache_frozen`) when two threads released one font at once, so
    /// painting is serialised; every image comes out, the same bytes each time.
    @Test func chartsDrawnOnEveryCoreAtOnceAreAllDrawnAlike() {
        let first = NativeRenderer.image(ChartTests.tiny).bytes
        let images = parallelMap(64) { _ in NativeRenderer.image(ChartTests.tiny).bytes }
        #expect(images.count == 64)
        #expect(images.allSatisfy { $0 == first })
    }
}
