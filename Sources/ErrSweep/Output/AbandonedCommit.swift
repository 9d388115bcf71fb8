import Foundation

/// What a run killed outright (SIGKILL, a power cut) left of its commit, finished by the next run.
///
/// A commit writes a journal in its staging folder before it moves anything: one line per file,
/// its temporary beside the destination and the destination, and one per stale file to remove
/// (`-` and its path); then, as the renames over the destinations begin, a line `renaming`. A staging folder whose process is gone is therefore
/// one of three things:
/// - no journal, or a journal without `renaming`: nothing was replaced. The temporaries are
///   removed and the earlier run's files stand.
/// - a journal with `renaming`: some destinations may hold the new files and some the old. Every
///   new file was already checked whole (`StagedOutput.validate`), so the commit is rolled
///   forward: each temporary still present is renamed over its destination, the stale files
///   removed, and the backups of the replaced files removed. The result is the killed run's files, all of them.
/// Either way a reader finds one run's files, never a mixture, and no hidden file is left.
enum AbandonedCommit {
    static let journalName = ".commit"
    static let renamingMark = "renaming"

    /// Writes the journal of the commit about to move `placed` and remove `stale`.
    static func begin(in staging: URL, _ placed: [(destination: URL, temporary: URL)], removing stale: [URL]) throws {
        let lines = placed.map { "\($0.temporary.path)\t\($0.destination.path)" } + stale.map { "-\t\($0.path)" }
        try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: staging.appendingPathComponent(journalName))
    }

    /// Marks that renames over destinations have begun: from here the commit rolls forward.
    static func markRenaming(in staging: URL) {
        guard let handle = FileHandle(forWritingAtPath: staging.appendingPathComponent(journalName).path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((renamingMark + "\n").utf8))
        try? handle.synchronize()
    }

    /// Finishes or undoes the commit of every staging folder under `root` whose process has exited.
    static func recover(under root: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names where name.hasPrefix(".errsweep-staging-") {
            guard let pid = pid_t(name.dropFirst(".errsweep-staging-".count)), pid != getpid(), !isRunning(pid) else { continue }
            let staging = root.appendingPathComponent(name)
            let journal = (try? String(contentsOf: staging.appendingPathComponent(journalName), encoding: .utf8)) ?? ""
            let lines = journal.split(separator: "\n").map(String.init)
            let rollForward = lines.last == renamingMark
            for line in lines where line != renamingMark {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                let (temporary, destination) = (parts[0], parts[1])
                if temporary == "-" {
                    if rollForward { unlink(destination) }
                    continue
                }
                if rollForward, FileManager.default.fileExists(atPath: temporary) {
                    rename(temporary, destination)
                } else {
                    unlink(temporary)
                }
                let url = URL(fileURLWithPath: destination)
                unlink(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(pid).bak").path)
            }
            try? FileManager.default.removeItem(at: staging)
        }
    }

    /// Whether a process `pid` exists (kill with signal 0 sends nothing; EPERM means it exists).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
