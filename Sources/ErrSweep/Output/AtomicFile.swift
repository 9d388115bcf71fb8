import Foundation

/// Writes files so that a reader, or an interrupted run, never sees half of one: the bytes go to a
/// temporary file in the same directory (`TemporaryFile`), which is then renamed over the
/// destination.
public enum AtomicFile {
    /// A file that could not be written: which, and the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String

        /// A failure described in one line.
        public init(description: String) { self.description = description }

        /// "cannot write PATH: REASON", with a staged file named by the destination it was
        /// written for (the user never sees the staging folder) and the system's reason.
        public init(cannotWrite url: URL, reason: String) {
            description = "cannot write \(StagedOutput.destinationPath(of: url)): \(reason)"
        }

        /// The system's words for why `error` happened ("No space left on device"), from the POSIX
        /// error beneath Foundation's, whose own text ("There isn’t enough space") hides it.
        public static func reason(_ error: Error) -> String {
            if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            if let underlying, underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
            let code: Int32? = switch (error as? CocoaError)?.code {
            case .fileWriteVolumeReadOnly?: EROFS
            case .fileWriteOutOfSpace?: ENOSPC
            case .fileWriteNoPermission?: EACCES
            case .fileWriteFileExists?: EEXIST
            default: nil
            }
            return code.map { String(cString: strerror($0)) } ?? error.localizedDescription
        }
    }

    /// Writes `text` as UTF-8 to `url`, whole or not at all.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes `data` to `url`, whole or not at all.
    public static func write(_ data: Data, to url: URL) throws {
        try createDirectory(for: url)
        let temporary = TemporaryFile.beside(url)
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            let reason = String(cString: strerror(errno))
            TemporaryFile.discard(temporary)
            throw WriteError(cannotWrite: url, reason: reason)
        }
        try TemporaryFile.commit(temporary, to: url)
    }

    /// Writes `lines`, each followed by a newline, through a `LineWriter`: the text is never
    /// whole in memory.
    public static func write<Lines: Sequence<String>>(lines: Lines, to url: URL) throws {
        let writer = try LineWriter(url)
        do {
            for line in lines { try writer.append(line) }
        } catch {
            writer.discard()
            throw error
        }
        try writer.commit()
    }

    /// A file written line by line as the lines are made, through a 1 MB buffer, into a temporary
    /// file that `commit` renames into place; until then (or after `discard`) the destination is
    /// untouched.
    public final class LineWriter {
        private let url: URL
        private let temporary: URL
        private let handle: FileHandle
        private var buffer = Data()
        private var finished = false

        /// Opens a temporary file beside `url`, where the lines go until `commit`.
        public init(_ url: URL) throws {
            try AtomicFile.createDirectory(for: url)
            self.url = url
            temporary = TemporaryFile.beside(url)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary.path) else {
                let reason = String(cString: strerror(errno))
                TemporaryFile.discard(temporary)
                throw WriteError(cannotWrite: url, reason: reason)
            }
            self.handle = handle
            buffer.reserveCapacity(1 << 20)
        }

        /// Appends `line` and a newline.
        public func append(_ line: String) throws {
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0a)
            if buffer.count >= 1 << 20 { try flush() }
        }

        /// Writes what is buffered and moves the file into place.
        public func commit() throws {
            try flush()
            finished = true
            do {
                try handle.close()
            } catch {
                TemporaryFile.discard(temporary)
                throw WriteError(cannotWrite: url, reason: WriteError.reason(error))
            }
            try TemporaryFile.commit(temporary, to: url)
        }

        /// Abandons the file: the destination stays as it was.
        public func discard() {
            guard !finished else { return }
            finished = true
            try? handle.close()
            TemporaryFile.discard(temporary)
        }

        private func flush() throws {
            do {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            } catch {
                discard()
                throw WriteError(cannotWrite: url, reason: WriteError.reason(error))
            }
        }

        deinit { discard() }
    }

    package static func createDirectory(for url: URL) throws {
        try createDirectory(url.deletingLastPathComponent())
    }

    /// Creates `directory` and its parents, never after an interrupt began (`TemporaryFile`).
    package static func createDirectory(_ directory: URL) throws {
        do {
            try TemporaryFile.createDirectory(directory)
        } catch {
            throw WriteError(description: "cannot create directory \(StagedOutput.destinationPath(of: directory)): \(WriteError.reason(error))")
        }
    }

    /// Nil when every folder a run writes into can take a new file: the root, and the Reports/,
    /// Reports/data/ and Plots/ already under it (one of them may be read-only or another file
    /// system while the root is not). Checked before the work starts.
    public static func problemWritingOutputs(under root: URL) -> String? {
        if let problem = problemWriting(under: root) { return problem }
        for folder in ["Reports", "Reports/data", "Plots"] {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if let problem = problemWriting(under: url) { return problem }
        }
        return nil
    }

    /// Nil when files can be created under `root`, else why not. Checked before a sweep starts,
    /// so an unwritable destination fails fast and writes nothing.
    ///
    /// Permission bits do not answer this (root passes access(2) on a read-only file system, and
    /// under /proc), so the check does what the run will do: it creates the directories and a
    /// file in them, then removes the file and every directory it created.
    public static func problemWriting(under root: URL) -> String? {
        var missing: [URL] = []
        var candidate = root.standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
            missing.append(candidate)
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        if !isDirectory.boolValue { return "\(candidate.path) is a file, not a directory" }
        defer { for directory in missing { rmdir(directory.path) } }
        for directory in missing.reversed() where mkdir(directory.path, 0o777) != 0 {
            return "cannot create \(directory.path): \(String(cString: strerror(errno)))"
        }
        let probe = TemporaryFile.beside(root.appendingPathComponent(".errsweep-probe"))
        defer { TemporaryFile.discard(probe) }
        let descriptor = open(probe.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            return "\(root.standardizedFileURL.path) is not writable (\(String(cString: strerror(errno))))"
        }
        close(descriptor)
        return nil
    }
}
