import ErrSweep
@testable import ErrSweepReports
import Foundation
import FoundationXML
import Testing

/// Figures a paper can use: PDF with one page and its fonts embedded, SVG whose text is text, at a
/// size in physical units. The PDFs are read by poppler (pdfinfo, pdffonts), a reader errsweep
/// does not use to write them.
@Suite struct ChartFormatTests {
    static let pdfinfo = ChildProcess.find("pdfinfo"), pdffonts = ChildProcess.find("pdffonts")
    static let poppler = (pdfinfo != nil && pdffonts != nil) || ProcessInfo.processInfo.environment["CI"] == "true"
    static let column = ChartSize(width: 252, height: 172.8, fontSize: 9, dotsPerInch: 300)

    @Test func sizesReadInEveryUnit() throws {
        let inches = try SpecParsing.chartSize("3.5x2.4in", fontSize: nil, dotsPerInch: nil)
        #expect(inches.width == 252 && abs(inches.height - 172.8) < 1e-12 && inches.fontSize == 9 && inches.dotsPerInch == 300)
        #expect(inches.pixelWidth == 1050 && inches.pixelHeight == 720)
        // 12 cm = 12/2.54 in = 340.1574803… pt.
        let centimetres = try SpecParsing.chartSize("12x8cm", fontSize: 8, dotsPerInch: 150)
        #expect(abs(centimetres.width - 340.15748031496062) < 1e-9 && abs(centimetres.height - 226.77165354330708) < 1e-9)
        #expect(centimetres.fontSize == 8 && centimetres.pixelWidth == 709)
        let millimetres = try SpecParsing.chartSize("90x60mm", fontSize: nil, dotsPerInch: nil)
        #expect(abs(millimetres.width - 255.11811023622047) < 1e-9)
        // Pixels at 144 per inch: a 1920-pixel PNG is a 960-point page.
        let pixels = try SpecParsing.chartSize("1920x1280px", fontSize: nil, dotsPerInch: 144)
        #expect(pixels.width == 960 && pixels.height == 640 && pixels.fontSize == 12 && pixels.pixelWidth == 1920)
        #expect(try SpecParsing.chartSize(nil, fontSize: nil, dotsPerInch: nil) == .standard)
    }

    @Test func sizesThatCannotHoldAChartAreRefusedInOneLine() {
        #expect(throws: SpecParsingError("--size '3x2furlong' is not a size; valid: WIDTHxHEIGHT with a unit, in, cm, mm, pt or px, like 3.5x2.4in or 12x8cm")) {
            try SpecParsing.chartSize("3x2furlong", fontSize: nil, dotsPerInch: nil)
        }
        // 300 × 200 layout units at 9/12 pt a unit is 225 × 150 pt: 3.125 × 2.083 in.
        #expect(throws: SpecParsingError("a 72×72 pt chart is too small for 9 pt text: it needs at least 3.12x2.08in at that size; valid: a larger --size or a smaller --font-size")) {
            try SpecParsing.chartSize("1x1in", fontSize: nil, dotsPerInch: nil)
        }
        #expect(throws: SpecParsingError("--font-size 100 is not a text size; valid: 4 to 48 points")) {
            try SpecParsing.chartSize(nil, fontSize: 100, dotsPerInch: nil)
        }
        #expect(throws: SpecParsingError("--dpi 5 is out of range; valid: 36 to 1200 pixels per inch")) {
            try SpecParsing.chartSize("3.5x2.4in", fontSize: nil, dotsPerInch: 5)
        }
    }

    /// A report shows PNG, else SVG, else links the PDF, which Markdown viewers do not show inline.
    @Test func reportsShowTheFormatAViewerCanShow() {
        #expect(ChartFiles(formats: [.pdf, .svg, .png]).shownInReports == .png)
        #expect(ChartFiles(formats: [.pdf, .svg]).shownInReports == .svg)
        #expect(ChartFiles(formats: [.pdf]).shown(["a.pdf", "a.gp"]) == ["a.pdf"])
        #expect(ChartFiles.markdown("a.pdf", alt: "a") == "[a (PDF)](../Plots/a.pdf)")
        #expect(ChartFiles.markdown("a.svg", alt: "a") == "![a](../Plots/a.svg)")
    }

    /// The native SVG is well-formed XML whose labels are `<text>` elements carrying the chart's
    /// own words (cairo's SVG surface drew glyph outlines, no text at all).
    @Test func theNativeSVGKeepsTextAsText() throws {
        let svg = NativeRenderer.svg(ChartTests.tiny, size: Self.column)
        let document = try XMLDocument(data: Data(svg.utf8))
        let root = try #require(document.rootElement())
        #expect(Self.attribute("width", of: root) == "252pt")
        #expect(Self.attribute("height", of: root) == "172.8pt")
        // The layout is in units of 9/12 pt: 336 × 230.4 of them.
        #expect(Self.attribute("viewBox", of: root) == "0 0 336 230.4")
        let texts = try root.nodes(forXPath: "//*[local-name()='text']").map { $0.stringValue ?? "" }
        for label in ["a tiny chart", "h", "absolute error", "a", "h*", "error exactly 0 (drawn on the floor)", "10", "−3", "−2"] {
            #expect(texts.contains(label), "no <text> reads '\(label)'")
        }
        #expect(!svg.contains("<symbol") && !svg.contains("glyph"))
        // The y label is turned a quarter: its matrix is (0 −1 1 0 …).
        let turned = try root.nodes(forXPath: "//*[local-name()='text'][.='absolute error']").first as? XMLElement
        #expect(turned.flatMap { Self.attribute("transform", of: $0) }?.hasPrefix("matrix(0 -1 1 0 ") == true)
    }

    /// A title too long for a column is set smaller, then cut with an ellipsis, and what is left
    /// fits the page with 8 units to spare on each side; a title that fits is left alone.
    @Test func aLongTitleIsCutToThePage() throws {
        var chart = ChartTests.tiny
        chart.title = "broyden: 20 × 20, 58 entries; columns in 3 colours (forward passes), every one of them proved"
        let surface = SVGSurface()
        let layout = ChartLayout(chart, width: Self.column.layoutWidth, height: Self.column.layoutHeight)
        let painter = ChartPainter(chart: chart, surface: surface, layout: layout)
        let (title, size) = painter.fitted(chart.title, size: 15, within: layout.width - 16)
        #expect(size == 11)
        #expect(title.hasSuffix("…") && title.hasPrefix("broyden: 20 × 20, 58 entries"))
        #expect(surface.textWidth(title, size: size) <= layout.width - 16)
        // No longer cut would fit: two more characters of the title (one may be a space) do not.
        let longer = String(chart.title.prefix(title.count - 1 + 2)).trimmingCharacters(in: .whitespaces) + "…"
        #expect(surface.textWidth(longer, size: size) > layout.width - 16)
        #expect(painter.fitted("a tiny chart", size: 15, within: layout.width - 16) == ("a tiny chart", 15))
    }

    /// A column-sized PNG has the pixels its size and resolution say, and its data where the
    /// layout puts it, scaled.
    @Test func aColumnSizedPNGHasItsPixels() throws {
        let image = NativeRenderer.image(ChartTests.tiny, size: Self.column)
        #expect(image.width == 1050 && image.height == 720)
        let layout = ChartLayout(ChartTests.tiny, width: Self.column.layoutWidth, height: Self.column.layoutHeight)
        let scale = Self.column.pixelsPerUnit
        #expect(ChartTests.near(image, x: (layout.column(1e-3) + 3) * scale, y: layout.row(1e-4) * scale, color: (31, 119, 180)))
    }

    @Test(.enabled(if: poppler, "poppler-utils is not installed (apt-get install poppler-utils); the PDF is not read back"))
    func theNativePDFIsOnePageWithItsFontsEmbedded() throws {
        let directory = try ChartTests.scratch()
        let file = try NativeRenderer().render(ChartTests.tiny, formats: [.pdf], size: Self.column, into: directory)[0]
        #expect(file.lastPathComponent == "tiny.pdf")
        try Self.expectPaperReady(file, pageSize: "252 x 172.8 pts")
    }

    @Test(.enabled(if: poppler && Gnuplot.find() != nil, "gnuplot or poppler-utils is not installed (apt-get install gnuplot-nox poppler-utils)"))
    func gnuplotWritesPDFAndSVGWithText() throws {
        let directory = try ChartTests.scratch()
        let files = try GnuplotRenderer(gnuplot: Gnuplot.find()!).render(ChartTests.tiny, formats: [.pdf, .svg], size: Self.column, into: directory)
        #expect(files.map(\.lastPathComponent) == ["tiny.pdf", "tiny.svg", "tiny.gp"])
        // pdfcairo takes the page in whole points: 2.4 in is 172.8 pt, cut to 172.
        try Self.expectPaperReady(files[0], pageSize: "252 x 172 pts")
        let svg = try String(contentsOf: files[1], encoding: .utf8)
        #expect(svg.contains("<text") && svg.contains("a tiny chart"))
        let script = try String(contentsOf: files[2], encoding: .utf8)
        #expect(script.contains("set terminal pdfcairo size 3.500in,2.400in enhanced font \"DejaVu Sans,8.250\" linewidth 0.750"))
    }

    /// An element's attribute (swift-corelibs-foundation's `attribute(forName:)` finds none).
    static func attribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    /// A PDF cut short (a full disk under gnuplot exits 0) is not committed as a chart; the whole
    /// one is.
    @Test func aTruncatedPDFIsRefusedBeforeItReplacesAnything() throws {
        let directory = try ChartTests.scratch()
        let whole = try NativeRenderer().render(ChartTests.tiny, formats: [.pdf], into: directory)[0]
        try StagedOutput.validate(whole, as: "Plots/tiny.pdf")
        let data = try Data(contentsOf: whole)
        let cut = directory.appendingPathComponent("cut.pdf")
        try data.prefix(data.count / 2).write(to: cut)
        #expect(throws: (any Error).self) { try StagedOutput.validate(cut, as: "Plots/cut.pdf") }
        let noHeader = directory.appendingPathComponent("text.pdf")
        try Data("not a pdf at all, only words %%EOF\n".utf8).write(to: noHeader)
        #expect(throws: (any Error).self) { try StagedOutput.validate(noHeader, as: "Plots/text.pdf") }
    }

    /// One page of `pageSize`, and every font embedded (pdffonts' "emb" column).
    static func expectPaperReady(_ file: URL, pageSize: String) throws {
        let info = try run(try #require(pdfinfo, "pdfinfo is not on PATH"), file.path)
        #expect(info.contains("Pages:           1"), "\(info)")
        #expect(info.contains("Page size:       \(pageSize)"), "\(info)")
        let fonts = try run(try #require(pdffonts, "pdffonts is not on PATH"), file.path).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts {
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            // name, type (one or two words), encoding, then emb sub uni: "yes yes yes".
            #expect(columns.suffix(5).prefix(1) == ["yes"], "not embedded: \(font)")
        }
    }

    static func run(_ program: ChildProcess, _ argument: String) throws -> String {
        let process = Process()
        process.executableURL = program.executable
        process.arguments = [argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
