import Foundation
import Synchronization

/// The temporary name each output is written under before it is renamed into place, remembered
/// until then — so that an interrupted run can remove every half-written file before it exits, and
/// every file errsweep writes is either complete or absent.
public enum TemporaryFile {
    private static let pending = Mutex<Set<String>>([])

    /// `.NAME.PID.tmp` beside `url`, registered as pending.
    public static func beside(_ url: URL) -> URL {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        pending.withLock { _ = $0.insert(temporary.path) }
        return temporary
    }

    /// Renames `temporary` over `url` (atomic within a file system); if that fails, removes it.
    public static func commit(_ temporary: URL, to url: URL) throws {
        defer { pending.withLock { _ = $0.remove(temporary.path) } }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw AtomicFile.WriteError(description: "cannot write \(url.path): \(reason)")
        }
    }

    /// Removes `temporary`, after a failed write.
    public static func discard(_ temporary: URL) {
        unlink(temporary.path)
        pending.withLock { _ = $0.remove(temporary.path) }
    }

    /// Removes every pending temporary file: what an interrupted run does last.
    public static func discardAll() {
        pending.withLock { paths in
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }
}
