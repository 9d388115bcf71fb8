import ErrSweep
import ErrSweepReports
import Foundation
import Testing

@Suite struct ChartCommandTests {
    /// The reference figure's command: a PNG per method, per point and per split, listed.
    @Test func referenceFigureCommandDrawsItsChart() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(
            ["--fn", "sigmoid", "--method", "forward", "--x", "0,2,4,10", "--h", "1e-2...1e-11", "--plot", "png"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let image = try PNGFile.read(directory.appendingPathComponent("Plots/sigmoid-forward.png"))
        #expect(image.width == 960 && image.height == 640)
        #expect(result.stdout.contains("drew 5 charts into Plots/ (native): sigmoid-forward.png, sigmoid-x0-forward-split.png"), "\(result.stdout)")
    }

    /// A figure for a paper: a named expression's charts as PDF and SVG at a column's size, the
    /// report showing the SVG and reproducing the name, the CSV's rows under the name.
    @Test func aNamedExpressionAsColumnSizedFigures() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(
            ["--fn", "exp(x)/x", "--name", "expdiv", "--x", "1", "--method", "central", "--h", "1e-2,1e-4,1e-6",
             "--format", "pdf,svg", "--size", "3.5x2.4in"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let files = Binary.files(under: directory)
        for file in ["Plots/expdiv-central.pdf", "Plots/expdiv-central.svg", "Plots/expdiv-x1-central-split.pdf", "Reports/expdiv.md", "Reports/data/expdiv.csv"] {
            #expect(files.contains(file), "no \(file) in \(files)")
        }
        #expect(!files.contains { $0.hasSuffix(".png") || $0.contains("expr-") })
        // Two charts (the V and the split at x = 1), each a PDF and an SVG.
        #expect(result.stdout.contains("drew 2 charts as 4 files into Plots/ (native): expdiv-central.pdf, expdiv-central.svg, "), "\(result.stdout)")
        let pdf = try Data(contentsOf: directory.appendingPathComponent("Plots/expdiv-central.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let svg = try String(contentsOf: directory.appendingPathComponent("Plots/expdiv-central.svg"), encoding: .utf8)
        #expect(svg.contains("width=\"252pt\" height=\"172.8pt\"") && svg.contains(">h</text>"))
        let report = try String(contentsOf: directory.appendingPathComponent("Reports/expdiv.md"), encoding: .utf8)
        #expect(report.contains("`errsweep --fn 'exp(x)/x' --name expdiv --x 1 --method central"))
        // SVG before PDF in the report: a Markdown viewer shows it inline.
        #expect(report.contains("![expdiv-central.svg](../Plots/expdiv-central.svg)"))
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/expdiv.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("expdiv,1.0,central,1,double,") })
    }

    @Test func withoutGnuplotAutoFallsBackWithOneNote() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--method", "forward", "--x", "2", "--h", "1e-2,1e-4,1e-6", "--plot", "auto"], in: directory, path: "/nonexistent")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "errsweep: gnuplot not found on PATH; charts drawn by the native renderer\n")
        #expect(Binary.files(under: directory).contains("Plots/sigmoid-forward.png"))
    }

    /// The default renderer is the native one even where gnuplot is installed (the tests install
    /// it), so the main job writes the same images on every machine: the committed ones.
    @Test func theDefaultRendererIsNativeWhereverGnuplotIs() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--method", "forward", "--x", "2", "--h", "1e-2,1e-4,1e-6"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("(native)"))
        let files = Binary.files(under: directory)
        #expect(files.contains("Plots/sigmoid-forward.png"))
        #expect(!files.contains { $0.hasSuffix(".gp") })
    }

    @Test func askingForAbsentGnuplotSaysHowToInstallIt() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--plot", "gnuplot", "--h", "1e-2"], in: directory, path: "/nonexistent")
        #expect(result.status == 69)
        #expect(result.stderr.contains("apt-get install gnuplot-nox"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(Binary.files(under: directory).isEmpty)
    }

    @Test(.enabled(if: Gnuplot.find() != nil, "gnuplot is not installed"))
    func gnuplotWritesItsScriptBesideEachImage() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--method", "forward", "--x", "2", "--h", "1e-2,1e-4,1e-6", "--plot", "gnuplot", "--format", "png,svg"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let files = Set(Binary.files(under: directory))
        for name in ["sigmoid-forward", "sigmoid-x2-forward-split"] {
            for ext in ["png", "svg", "gp"] { #expect(files.contains("Plots/\(name).\(ext)"), "no \(name).\(ext)") }
        }
        #expect(!files.contains { $0.hasSuffix(".tmp") })
    }

    @Test func noneDrawsNothing() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--h", "1e-2", "--plot", "none"], in: directory)
        #expect(result.status == 0)
        #expect(!Binary.files(under: directory).contains("Plots"))
    }

    @Test func landscapeDrawsAHeatMap() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(
            ["landscape", "--fn", "sigmoid", "--x", "-10...10", "--x-count", "21", "--method", "forward", "--h", "1e-1...1e-16", "--per-decade", "2", "--plot", "png"],
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let image = try PNGFile.read(directory.appendingPathComponent("Plots/sigmoid-forward-landscape.png"))
        // Heat-map colours (viridis: green dominant or purple) fill the middle of the plot.
        let middle = image.pixel(480, 320)
        #expect(!(middle.red == 255 && middle.green == 255 && middle.blue == 255))
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/sigmoid-forward-landscape.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 21 * 31)
    }

    /// The landscape of f″ by the multicomplex step: named -d2, every row K = 2.
    @Test func landscapeOfTheSecondDerivative() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(
            ["landscape", "--fn", "sigmoid", "--derivative", "2", "--x", "-4...4", "--x-count", "5", "--method", "multicomplex",
             "--h", "1e-2...1e-8", "--per-decade", "1", "--plot", "png"],
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/sigmoid-d2-multicomplex-landscape.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.count == 5 * 7)
        #expect(rows.allSatisfy { $0.contains(",multicomplex,2,double,") })
        #expect(Binary.files(under: directory).contains("Plots/sigmoid-d2-multicomplex-landscape.png"))
    }

    /// The catalog's f″ reports: one per function and their own index, beside f′'s.
    @Test func reportOfTheSecondDerivative() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["report", "--derivative", "2", "--plot", "none"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let index = try String(contentsOf: directory.appendingPathComponent("Reports/README-d2.md"), encoding: .utf8)
        #expect(index.hasPrefix("# errsweep reports: f″"))
        #expect(index.contains("[sigmoid-d2.md](sigmoid-d2.md)") && index.contains("`errsweep report --derivative 2`"))
        let files = Binary.files(under: directory)
        #expect(files.filter { $0.hasPrefix("Reports/") && $0.hasSuffix("-d2.md") && !$0.contains("README") }.count == Catalog.functions.count)
        #expect(!files.contains("Reports/README.md"))
    }

    /// One method and one precision, each by name: a list or an unknown name is refused in one
    /// line that lists what is valid.
    @Test func landscapeRejectsTwoMethods() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["landscape", "--method", "forward,central"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains("'forward,central' is invalid for '--method <m>'. valid: forward, backward, central, central5,"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let precision = try Binary.run(["landscape", "--precision", "quad"], in: directory)
        #expect(precision.status == 64)
        #expect(precision.stderr == "errsweep: The value 'quad' is invalid for '--precision <p>'. valid: \(Precision.available.map(\.rawValue).joined(separator: ", "))\n")
        #expect(Binary.files(under: directory).isEmpty)
    }
}
