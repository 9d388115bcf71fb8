import CCairo
import ErrSweep
import Foundation

/// A chart surface that writes an SVG document whose text is `<text>`: a figure a user can edit
/// (retitle, relabel) in a vector editor. cairo's own SVG surface turns every glyph into a path,
/// which no editor reads as text. Shapes become `<path>` elements in drawing order, each carrying
/// the state cairo would have used (colour, width, dash, joins); a clip becomes a `<clipPath>`
/// and a group; text is placed where cairo would place it, measured by cairo with the same font.
final class SVGSurface: ChartSurface {
    /// cairo's affine matrix: device = (a·x + c·y + e, b·x + d·y + f).
    struct Transform {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
        func apply(_ x: Double, _ y: Double) -> (Double, Double) { (a * x + c * y + e, b * x + d * y + f) }
        /// How much a length grows (transforms here are rotations and translations, so 1).
        var scale: Double { (abs(a * d - b * c)).squareRoot() }
        var isTranslation: Bool { a == 1 && b == 0 && c == 0 && d == 1 }
    }

    struct State {
        var color: Palette.RGB = (0, 0, 0)
        var lineWidth = 2.0
        var dash: [Double] = []
        var roundJoins = false
        var antialias = true
        var transform = Transform()
        /// Clip groups opened since this state was saved.
        var openGroups = 0
    }

    private var state = State()
    private var saved: [State] = []
    private var path = ""
    private var body: [String] = []
    private var clips = 0
    /// A scratch cairo context that measures text, as the image surface's own would.
    private let measuring: CairoSurface
    private let measuringSurface: OpaquePointer

    init() {
        measuringSurface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)!
        let context = cairo_create(measuringSurface)!
        // Advances as a viewer lays the text out: unhinted (an image surface rounds each advance to
        // its pixels, which made a title measured to fit run past the page in a browser).
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
        measuring = CairoSurface(context)
    }

    deinit {
        cairo_destroy(measuring.cr)
        cairo_surface_destroy(measuringSurface)
    }

    /// The document: `width` × `height` in points showing the chart's `viewBox` of
    /// `units` (its canvas in the layout's units).
    func document(widthPoints: Double, heightPoints: Double, units: (width: Double, height: Double)) -> String {
        while !saved.isEmpty { restore() }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(number(widthPoints))pt" height="\(number(heightPoints))pt" \
        viewBox="0 0 \(number(units.width)) \(number(units.height))" xml:space="preserve">

        """ + body.joined(separator: "\n") + "\n</svg>\n"
    }

    func setColor(_ color: Palette.RGB) { state.color = color }
    func setLineWidth(_ width: Double) { state.lineWidth = width }
    func setDash(_ lengths: [Double]) { state.dash = lengths }
    func setRoundJoins() { state.roundJoins = true }
    func setAntialias(_ on: Bool) { state.antialias = on }

    func moveTo(_ x: Double, _ y: Double) { path += "M\(point(x, y))" }
    func lineTo(_ x: Double, _ y: Double) { path += "L\(point(x, y))" }
    func closePath() { path += "Z" }
    func circle(_ x: Double, _ y: Double, radius: Double) {
        let r = number(radius * state.transform.scale)
        // Two half arcs: one arc from a point to itself draws nothing.
        path += "M\(point(x + radius, y))A\(r) \(r) 0 1 0 \(point(x - radius, y))A\(r) \(r) 0 1 0 \(point(x + radius, y))Z"
    }
    func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        path += "M\(point(x, y))L\(point(x + width, y))L\(point(x + width, y + height))L\(point(x, y + height))Z"
    }

    func stroke() {
        if !path.isEmpty {
            let scale = state.transform.scale
            var attributes = "fill=\"none\" stroke=\"\(hex(state.color))\" stroke-width=\"\(number(state.lineWidth * scale))\""
            if !state.dash.isEmpty { attributes += " stroke-dasharray=\"\(state.dash.map { number($0 * scale) }.joined(separator: " "))\"" }
            if state.roundJoins { attributes += " stroke-linejoin=\"round\" stroke-linecap=\"round\"" }
            body.append("<path d=\"\(path)\" \(attributes)/>")
        }
        path = ""
    }

    func fill(preserve: Bool) {
        if !path.isEmpty {
            let crisp = state.antialias ? "" : " shape-rendering=\"crispEdges\""
            body.append("<path d=\"\(path)\" fill=\"\(hex(state.color))\"\(crisp)/>")
        }
        if !preserve { path = "" }
    }

    func paintAll() {
        body.append("<rect x=\"-1e5\" y=\"-1e5\" width=\"2e5\" height=\"2e5\" fill=\"\(hex(state.color))\"/>")
    }

    func clip() {
        clips += 1
        body.append("<clipPath id=\"clip\(clips)\"><path d=\"\(path)\"/></clipPath>")
        body.append("<g clip-path=\"url(#clip\(clips))\">")
        state.openGroups += 1
        path = ""
    }

    func save() {
        saved.append(state)
        state.openGroups = 0
    }

    func restore() {
        body += Array(repeating: "</g>", count: state.openGroups)
        state = saved.removeLast()
    }

    func translate(_ x: Double, _ y: Double) {
        let t = state.transform
        state.transform.e = t.a * x + t.c * y + t.e
        state.transform.f = t.b * x + t.d * y + t.f
    }

    func rotate(_ radians: Double) {
        let t = state.transform, cos = Foundation.cos(radians), sin = Foundation.sin(radians)
        state.transform.a = t.a * cos + t.c * sin
        state.transform.b = t.b * cos + t.d * sin
        state.transform.c = t.c * cos - t.a * sin
        state.transform.d = t.d * cos - t.b * sin
    }

    func textWidth(_ string: String, size: Double) -> Double {
        measuring.textWidth(string, size: size)
    }

    func showText(_ string: String, _ x: Double, _ y: Double, size: Double) {
        let t = state.transform
        let place: String
        if t.isTranslation {
            let (dx, dy) = t.apply(x, y)
            place = "x=\"\(number(dx))\" y=\"\(number(dy))\""
        } else {
            let matrix = [t.a, t.b, t.c, t.d, t.e, t.f].map(number).joined(separator: " ")
            place = "x=\"\(number(x))\" y=\"\(number(y))\" transform=\"matrix(\(matrix))\""
        }
        body.append("<text \(place) font-family=\"DejaVu Sans\" font-size=\"\(number(size))\" fill=\"\(hex(state.color))\">\(escaped(string))</text>")
    }

    // MARK: Writing

    private func point(_ x: Double, _ y: Double) -> String {
        let (dx, dy) = state.transform.apply(x, y)
        return "\(number(dx)) \(number(dy))"
    }

    /// A coordinate to a hundredth of a unit (a tenth of a pixel is below what a screen shows),
    /// without trailing zeros.
    private func number(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    private func hex(_ c: Palette.RGB) -> String {
        let byte = { (v: Double) in String(format: "%02x", Int((min(max(v, 0), 1) * 255).rounded())) }
        return "#" + byte(c.red) + byte(c.green) + byte(c.blue)
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
