import CCairo
import ErrSweep
import Foundation
import Synchronization

/// Charts with no gnuplot: cairo draws, libpng writes the PNG; PDF comes from cairo's PDF
/// surface, SVG from `SVGSurface` (text as text).
public struct NativeRenderer: ChartRenderer {
    public var name: String { "native" }
    public var reportName: String { "the native renderer (cairo, libpng)" }

    /// The renderer; it needs cairo and libpng, nothing on PATH.
    public init() {}

    /// Held while cairo paints. cairo 1.16's scaled-font cache is not safe when two threads
    /// paint text at once: one thread releasing a scaled font while another holds the cache
    /// frozen aborts the process (`cairo_scaled_font_destroy: Assertion
    /// '! scaled_font->cache_frozen' failed`, seen drawing a sweep's charts on two cores). The
    /// painting is serialised; turning pixels into RGB and encoding the PNG still run in
    /// parallel.
    static let painting = Mutex(())

    public func render(_ chart: Chart, formats: [ChartFormat], size: ChartSize, into directory: URL) throws -> [URL] {
        try AtomicFile.createDirectory(directory)
        return try formats.map { format in
            let url = directory.appendingPathComponent("\(chart.name).\(format.rawValue)")
            switch format {
            case .png: try PNGFile.write(Self.image(chart, size: size), to: url)
            case .svg: try AtomicFile.write(Self.svg(chart, size: size), to: url)
            case .pdf: try Self.pdf(chart, size: size, to: url)
            }
            return url
        }
    }

    /// The chart as 8-bit RGB pixels. The painter covers the canvas in opaque white first, so
    /// cairo's RGB24 surface (a native-endian 32-bit word per pixel, 0xXXRRGGBB) loses nothing.
    public static func image(_ chart: Chart, size: ChartSize = .standard) -> PNGFile.Image {
        let width = size.pixelWidth, height = size.pixelHeight
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        painting.withLock { _ in
            let context = cairo_create(surface)!
            paint(chart, size: size, on: context, scale: size.pixelsPerUnit)
            cairo_destroy(context)
            cairo_surface_flush(surface)
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = UnsafeRawPointer(cairo_image_surface_get_data(surface)!)
        let rgb = [UInt8](unsafeUninitializedCapacity: width * height * 3) { buffer, count in
            for y in 0..<height {
                let row = (data + y * stride).assumingMemoryBound(to: UInt32.self)
                var i = y * width * 3
                for x in 0..<width {
                    let word = row[x]
                    buffer[i] = UInt8(truncatingIfNeeded: word >> 16)
                    buffer[i + 1] = UInt8(truncatingIfNeeded: word >> 8)
                    buffer[i + 2] = UInt8(truncatingIfNeeded: word)
                    i += 3
                }
            }
            count = width * height * 3
        }
        return PNGFile.Image(width: width, height: height, hasAlpha: false, bytes: rgb)
    }

    /// The chart as an SVG document whose text is `<text>` (cairo's SVG surface draws glyphs as
    /// paths), `size.width` × `size.height` points.
    public static func svg(_ chart: Chart, size: ChartSize = .standard) -> String {
        painting.withLock { _ in
            let surface = SVGSurface()
            painter(chart, size: size, on: surface).paint()
            return surface.document(widthPoints: size.width, heightPoints: size.height, units: (size.layoutWidth, size.layoutHeight))
        }
    }

    /// The chart as a one-page PDF from cairo's PDF surface, which embeds the subset of DejaVu
    /// Sans the text uses.
    static func pdf(_ chart: Chart, size: ChartSize, to url: URL) throws {
        let temporary = TemporaryFile.beside(url)
        let status = painting.withLock { _ in
            let surface = cairo_pdf_surface_create(temporary.path, size.width, size.height)!
            let context = cairo_create(surface)!
            paint(chart, size: size, on: context, scale: size.pointsPerUnit)
            cairo_show_page(context)
            cairo_destroy(context)
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            cairo_surface_destroy(surface)
            return status
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            TemporaryFile.discard(temporary)
            throw AtomicFile.WriteError(cannotWrite: url, reason: String(cString: cairo_status_to_string(status)))
        }
        try TemporaryFile.commit(temporary, to: url)
    }

    /// Paints `chart` on a cairo context whose device has `scale` units per layout unit (none at
    /// the standard size, so that its PNG is what it always was).
    static func paint(_ chart: Chart, size: ChartSize, on context: OpaquePointer, scale: Double) {
        if scale != 1 { cairo_scale(context, scale, scale) }
        painter(chart, size: size, on: CairoSurface(context)).paint()
    }

    /// The painter of `chart` laid out for `size` on `surface`.
    static func painter(_ chart: Chart, size: ChartSize, on surface: any ChartSurface) -> ChartPainter {
        let chart = chart.laidOut(for: size)
        return ChartPainter(chart: chart, surface: surface, layout: ChartLayout(chart, width: size.layoutWidth, height: size.layoutHeight))
    }
}
