import CPNG
import ErrSweep
import Foundation

/// 8-bit RGB and RGBA images to and from PNG files, through libpng's simplified API (png_image_*), which
/// reports errors in its result instead of through setjmp.
public enum PNGFile {
    /// Pixels, 8 bits a channel.
    public struct Image: Sendable, Equatable {
        public var width: Int
        public var height: Int
        /// Whether a pixel carries alpha: 4 bytes a pixel (red, green, blue, alpha), else 3.
        public var hasAlpha: Bool
        /// Rows top to bottom, `bytesPerPixel` bytes a pixel.
        public var bytes: [UInt8]

        /// An image of `width` × `height` pixels, `bytes` row by row (RGB, or RGBA with
        /// `hasAlpha`).
        public init(width: Int, height: Int, hasAlpha: Bool, bytes: [UInt8]) {
            precondition(bytes.count == width * height * (hasAlpha ? 4 : 3))
            self.width = width
            self.height = height
            self.hasAlpha = hasAlpha
            self.bytes = bytes
        }

        public var bytesPerPixel: Int { hasAlpha ? 4 : 3 }

        /// The pixel at column x, row y (alpha 255 in an image without alpha).
        public func pixel(_ x: Int, _ y: Int) -> (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
            let i = (y * width + x) * bytesPerPixel
            return (bytes[i], bytes[i + 1], bytes[i + 2], hasAlpha ? bytes[i + 3] : 255)
        }
    }

    /// A PNG that could not be written or read, and libpng's reason.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `image` to `url` through a temporary file and a rename, so no half-written PNG is
    /// ever left at `url`.
    public static func write(_ image: Image, to url: URL) throws {
        let temporary = TemporaryFile.beside(url)
        var header = writingHeader(image)
        errno = 0
        let written = image.bytes.withUnsafeBytes { bytes in
            png_image_write_to_file(&header, temporary.path, 0, bytes.baseAddress, png_int_32(image.width * image.bytesPerPixel), nil)
        }
        guard written != 0 else {
            // libpng says only "Write Error"; the system's reason is in errno.
            let reason = errno == 0 ? "" : " (\(String(cString: strerror(errno))))"
            let message = withUnsafeBytes(of: header.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } + reason
            png_image_free(&header)
            TemporaryFile.discard(temporary)
            throw Failure(description: "cannot write \(StagedOutput.destinationPath(of: url)): \(message)")
        }
        try TemporaryFile.commit(temporary, to: url)
    }

    /// `image` as the bytes of a PNG file, made in memory (for a data: URI).
    public static func encode(_ image: Image) throws -> [UInt8] {
        var header = writingHeader(image)
        defer { png_image_free(&header) }
        let stride = png_int_32(image.width * image.bytesPerPixel)
        // The first call, with no buffer, asks libpng for the size; the second writes.
        var size = 0
        let measured = image.bytes.withUnsafeBytes { bytes in
            png_image_write_to_memory(&header, nil, &size, 0, bytes.baseAddress, stride, nil)
        }
        var png = [UInt8](repeating: 0, count: size)
        let written = measured == 0 ? 0 : image.bytes.withUnsafeBytes { bytes in
            png.withUnsafeMutableBytes { out in
                png_image_write_to_memory(&header, out.baseAddress, &size, 0, bytes.baseAddress, stride, nil)
            }
        }
        guard written != 0 else {
            let message = withUnsafeBytes(of: header.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw Failure(description: "cannot encode a \(image.width) × \(image.height) PNG: \(message)")
        }
        return Array(png.prefix(size))
    }

    /// The simplified API's header for writing `image`, 8 bits a channel, compressed fast.
    static func writingHeader(_ image: Image) -> png_image {
        var header = png_image()
        header.version = cpng_image_version()
        header.width = png_uint_32(image.width)
        header.height = png_uint_32(image.height)
        header.format = image.hasAlpha ? cpng_format_rgba() : cpng_format_rgb()
        header.flags = cpng_image_flag_fast()
        return header
    }

    /// Reads a PNG file as 8-bit RGBA, whatever its colour type.
    public static func read(_ url: URL) throws -> Image {
        var header = png_image()
        header.version = cpng_image_version()
        guard png_image_begin_read_from_file(&header, url.path) != 0 else {
            throw Failure(description: "cannot read \(url.path)")
        }
        header.format = cpng_format_rgba()
        var pixels = [UInt8](repeating: 0, count: Int(header.width) * Int(header.height) * 4)
        let read = pixels.withUnsafeMutableBytes { bytes in
            png_image_finish_read(&header, nil, bytes.baseAddress, 0, nil)
        }
        guard read != 0 else {
            png_image_free(&header)
            throw Failure(description: "cannot decode \(url.path)")
        }
        return Image(width: Int(header.width), height: Int(header.height), hasAlpha: true, bytes: pixels)
    }
}
