import CCairo
import Foundation

/// Charts with no gnuplot: cairo draws, libpng writes the PNG; SVG comes from cairo's SVG surface.
public struct NativeRenderer: ChartRenderer {
    public var name: String { "native" }

    public init() {}

    public func render(_ chart: Chart, formats: [ChartFormat], into directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try formats.map { format in
            let url = directory.appendingPathComponent("\(chart.name).\(format.rawValue)")
            switch format {
            case .png: try PNGFile.write(Self.image(chart), to: url)
            case .svg: try Self.svg(chart, to: url)
            }
            return url
        }
    }

    /// The chart as 8-bit RGBA pixels.
    public static func image(_ chart: Chart) -> PNGFile.Image {
        let width = ChartCanvas.width, height = ChartCanvas.height
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)!
        ChartPainter(chart: chart, context: context).paint()
        cairo_destroy(context)
        cairo_surface_flush(surface)
        // cairo's ARGB32 is a native-endian 32-bit word per pixel with premultiplied alpha.
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let word = row[x]
                let alpha = Double((word >> 24) & 0xff)
                let unpremultiply = { (channel: UInt32) -> UInt8 in
                    alpha == 0 ? 0 : UInt8(min(255, (Double(channel & 0xff) * 255 / alpha).rounded()))
                }
                let i = (y * width + x) * 4
                rgba[i] = unpremultiply(word >> 16)
                rgba[i + 1] = unpremultiply(word >> 8)
                rgba[i + 2] = unpremultiply(word)
                rgba[i + 3] = UInt8(alpha)
            }
        }
        return PNGFile.Image(width: width, height: height, rgba: rgba)
    }

    static func svg(_ chart: Chart, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let surface = cairo_svg_surface_create(temporary.path, Double(ChartCanvas.width), Double(ChartCanvas.height))!
        let context = cairo_create(surface)!
        ChartPainter(chart: chart, context: context).paint()
        cairo_destroy(context)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw AtomicFile.WriteError(description: "cannot write \(url.path)")
        }
    }
}
