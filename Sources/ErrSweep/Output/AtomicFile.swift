import Foundation

/// Writes files so that a reader, or an interrupted run, never sees half of one: the bytes go to a
/// temporary file in the same directory, which is then renamed over the destination (rename(2) is
/// atomic within a file system).
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create directory \(directory.path): \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw WriteError(description: "cannot write \(temporary.path)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw WriteError(description: "cannot write \(url.path): \(reason)")
        }
    }

    /// Nil when files can be created under `root` (creating it if need be), else why not.
    /// Checked before a sweep starts, so an unwritable destination fails fast and writes nothing.
    public static func problemWriting(under root: URL) -> String? {
        var candidate = root.standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        if !isDirectory.boolValue { return "\(candidate.path) is a file, not a directory" }
        if access(candidate.path, W_OK) != 0 { return "\(candidate.path) is not writable" }
        return nil
    }
}
