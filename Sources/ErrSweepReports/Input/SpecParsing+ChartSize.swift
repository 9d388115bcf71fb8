import ErrSweep
import Foundation

extension SpecParsing {
    /// The units a chart's size can be given in, and their points (1/72 inch). `px` is a PNG's
    /// pixel, so its points depend on the pixels per inch.
    static let lengthUnits: [(name: String, points: Double)] = [("in", 72), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("pt", 1)]

    /// The text size of a chart given in inches, centimetres, millimetres or points, when no
    /// --font-size is given: 9 pt, a figure's text in a journal column (the standard 960 × 640
    /// canvas keeps its 12).
    public static let physicalFontSize = 9.0
    /// A PNG's pixels per inch for a chart given in physical units, when no --dpi is given.
    public static let physicalDotsPerInch = 300.0

    /// `--size 3.5x2.4in` (also cm, mm, pt, or px: a PNG's pixels, at 72 per inch unless
    /// `dotsPerInch` is given), with `--font-size` points of text and `--dpi` pixels per inch for a
    /// PNG. With no size, the standard 960 × 640.
    public static func chartSize(_ text: String?, fontSize: Double?, dotsPerInch: Double?) throws -> ChartSize {
        let valid = "valid: WIDTHxHEIGHT with a unit, in, cm, mm, pt or px, like 3.5x2.4in or 12x8cm"
        var size = ChartSize.standard
        var physical = false
        if let text {
            let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
            let unit = (lengthUnits.map(\.name) + ["px"]).first { trimmed.hasSuffix($0) }
            let numbers = trimmed.dropLast(unit?.count ?? 0).split(separator: "x", omittingEmptySubsequences: false)
            guard let unit, numbers.count == 2, let width = Double(numbers[0]), let height = Double(numbers[1]),
                  width.isFinite, height.isFinite, width > 0, height > 0 else {
                throw SpecParsingError("--size '\(text)' is not a size; \(valid)")
            }
            if unit == "px" {
                let perInch = dotsPerInch ?? 72
                size = ChartSize(width: width * 72 / perInch, height: height * 72 / perInch, fontSize: 12, dotsPerInch: perInch)
            } else {
                let points = lengthUnits.first { $0.name == unit }!.points
                size = ChartSize(width: width * points, height: height * points, fontSize: physicalFontSize,
                                 dotsPerInch: dotsPerInch ?? physicalDotsPerInch)
                physical = true
            }
        } else if let dotsPerInch {
            // The standard page, as a PNG at a finer resolution.
            size.dotsPerInch = dotsPerInch
        }
        if let fontSize {
            guard fontSize.isFinite, (4...48).contains(fontSize) else {
                throw SpecParsingError("--font-size \(NumberFormat.compact(fontSize)) is not a text size; valid: 4 to 48 points")
            }
            size.fontSize = fontSize
        }
        if let dotsPerInch {
            guard dotsPerInch.isFinite, (36...1200).contains(dotsPerInch) else {
                throw SpecParsingError("--dpi \(NumberFormat.compact(dotsPerInch)) is out of range; valid: 36 to 1200 pixels per inch")
            }
        }
        switch size.problem {
        case nil: break
        case .notPositive:
            throw SpecParsingError("--size, --font-size and --dpi must be positive; \(valid)")
        case .tooSmall(let leastWidth, let leastHeight):
            let remedy = physical || fontSize != nil ? "a larger --size or a smaller --font-size" : "a larger --size"
            let sizes = String(format: "a %g×%g pt chart is too small for %g pt text: it needs at least %.2fx%.2fin at that size",
                               size.width, size.height, size.fontSize, leastWidth / 72, leastHeight / 72)
            throw SpecParsingError("\(sizes); valid: \(remedy)")
        case .tooManyPixels(let width, let height):
            throw SpecParsingError("a PNG of \(width)×\(height) pixels is larger than 20000 on a side; valid: a smaller --size or --dpi")
        }
        return size
    }
}
