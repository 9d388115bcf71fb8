import ErrSweep
import ErrSweepReports
import Foundation
import Testing

/// Real faults of the file system, not simulated ones: a 2 MB RAM disk (tmpfs) filled to within
/// a few kilobytes, the same disk remounted read-only, and a read-only Reports/ folder beside
/// writable Reports/data and Plots (bind mounts) — read-only mounts stop root too, where
/// permission bits do not. After a good run, each second run must fail naming the file and the
/// system's reason, and leave every file of the first run byte for byte.
///
/// mount(8) needs root (CI runs as root); where it is refused these tests are skipped.
@Suite(.serialized, .enabled(if: RAMDisk.canMount, "mounting a tmpfs needs root"))
struct FileSystemFaultTests {
    static let first = ["--fn", "sigmoid", "--x", "0", "--method", "forward", "--h", "1e-1...1e-3", "--per-decade", "1", "--plot", "png"]
    static let larger = ["--fn", "sigmoid", "--x", "0,2,4", "--h", "1e-1...1e-16", "--plot", "png"]

    static func expectNothingChanged(_ before: [String: Data], in directory: URL, ignoring ignored: Set<String> = [],
                                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let after = try RunCommitTests.snapshot(directory).filter { !ignored.contains($0.key) }
        // What `first` wrote, besides what the test put there itself.
        #expect(before.keys.filter { !ignored.contains($0) }.count == 5, "the first run wrote \(before.keys.sorted())", sourceLocation: sourceLocation)
        #expect(after.keys.sorted() == before.keys.sorted(), "files differ: \(after.keys.sorted())", sourceLocation: sourceLocation)
        for (file, data) in before { #expect(after[file] == data, "\(file) changed", sourceLocation: sourceLocation) }
        #expect(!Binary.files(under: directory).contains { $0.contains(".errsweep-staging") }, "a staging folder was left", sourceLocation: sourceLocation)
    }

    @Test func aFullDiskReplacesNothing() throws {
        try RAMDisk.with { disk in
            #expect(try Binary.run(Self.first, in: disk).status == 0)
            let before = try RunCommitTests.snapshot(disk)
            // Fill the disk to within 150 KB: the larger run's table fits, its charts do not.
            let values = try disk.resourceValues(forKeys: [.volumeAvailableCapacityKey])
            let free = try #require(values.volumeAvailableCapacity)
            try Data(count: free - 150 * 1024).write(to: disk.appendingPathComponent("filler"))
            let second = try Binary.run(Self.larger, in: disk)
            #expect(second.status == 73, "exit \(second.status): \(second.stderr)")
            #expect(second.stderr.contains("No space left on device"), "\(second.stderr)")
            #expect(!second.stderr.contains("errsweep-staging") && !second.stderr.contains(".drawing-"), "the message names a staging path: \(second.stderr)")
            try Self.expectNothingChanged(before, in: disk, ignoring: ["filler"])
        }
    }

    /// gnuplot on a full disk writes a truncated image and exits 0; the run must not take it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gnuplot"), "gnuplot is not installed"))
    func aFullDiskUnderGnuplotReplacesNoChart() throws {
        try RAMDisk.with { disk in
            #expect(try Binary.run(Self.first.dropLast() + ["gnuplot"], in: disk).status == 0)
            let before = try RunCommitTests.snapshot(disk)
            let values = try disk.resourceValues(forKeys: [.volumeAvailableCapacityKey])
            let free = try #require(values.volumeAvailableCapacity)
            try Data(count: free - 150 * 1024).write(to: disk.appendingPathComponent("filler"))
            let second = try Binary.run(Self.larger.dropLast() + ["gnuplot"], in: disk)
            #expect(second.status != 0, "a full disk went unnoticed: \(second.stdout)")
            let after = try RunCommitTests.snapshot(disk)
            #expect(before.keys.filter { $0.hasPrefix("Plots/") && $0.hasSuffix(".png") }.count == 2, "the first run drew \(before.keys.sorted())")
            for (file, data) in before where file.hasPrefix("Plots/") { #expect(after[file] == data, "\(file) changed") }
            #expect(after.keys.filter { $0.hasPrefix("Plots/") }.sorted() == before.keys.filter { $0.hasPrefix("Plots/") }.sorted())
            #expect(!Binary.files(under: disk).contains { $0.contains(".errsweep-staging") })
        }
    }

    @Test func aReadOnlyFileSystemReplacesNothing() throws {
        try RAMDisk.with { disk in
            #expect(try Binary.run(Self.first, in: disk).status == 0)
            let before = try RunCommitTests.snapshot(disk)
            try #require(RAMDisk.system(["mount", "-o", "remount,ro", disk.path]) == 0)
            // Found before the sweep starts: the output folder is an argument that cannot work.
            let second = try Binary.run(Self.larger, in: disk)
            #expect(second.status == 73, "exit \(second.status): \(second.stderr)")
            #expect(second.stderr.contains("is not writable (Read-only file system)"), "\(second.stderr)")
            try Self.expectNothingChanged(before, in: disk)
        }
    }

    /// A folder on another file system (here a second tmpfs mounted on Reports/data) is written
    /// by copying beside the destination and renaming there: the run succeeds.
    @Test func anOutputFolderOnAnotherFileSystemIsWritten() throws {
        try RAMDisk.with(megabytes: 8) { disk in
            #expect(try Binary.run(Self.first, in: disk).status == 0)
            let data = disk.appendingPathComponent("Reports/data").path
            try #require(RAMDisk.system(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", data]) == 0)
            let second = try Binary.run(Self.larger, in: disk)
            #expect(second.status == 0, "exit \(second.status): \(second.stderr)")
            let table = try String(contentsOfFile: data + "/sigmoid.csv", encoding: .utf8)
            #expect(table.split(separator: "\n").count > 100)
            #expect(Binary.files(under: disk).allSatisfy { !$0.hasSuffix(".tmp") && !$0.contains(".errsweep-staging") })
        }
    }

    /// One folder read-only, the others writable — the issue's case is Reports/, where the table
    /// and charts could be replaced and the report not. The command refuses before any work;
    /// the library's job, which has no such check, fails at its commit. Nothing is replaced.
    @Test(arguments: ["Reports", "Reports/data", "Plots"])
    func aReadOnlyFolderLeavesTheWholeFirstRun(_ folder: String) throws {
        try RAMDisk.with(megabytes: 8) { disk in
            #expect(try Binary.run(Self.first, in: disk).status == 0)
            let before = try RunCommitTests.snapshot(disk)
            let path = disk.appendingPathComponent(folder).path, data = disk.appendingPathComponent("Reports/data").path
            let alias = disk.appendingPathComponent(".data-alias").path
            if folder == "Reports" {
                // data/ stays writable through a bind mount taken before Reports/ turns read-only.
                try FileManager.default.createDirectory(atPath: alias, withIntermediateDirectories: false)
                try #require(RAMDisk.system(["mount", "--bind", data, alias]) == 0)
            }
            try #require(RAMDisk.system(["mount", "--bind", path, path]) == 0)
            try #require(RAMDisk.system(["mount", "-o", "remount,bind,ro", path]) == 0)
            if folder == "Reports" { try #require(RAMDisk.system(["mount", "--bind", alias, data]) == 0) }
            // Found before the sweep starts, naming the folder.
            let second = try Binary.run(Self.larger, in: disk)
            #expect(second.status == 73, "exit \(second.status): \(second.stderr)")
            #expect(second.stderr.contains(folder + " is not writable (Read-only file system)"), "\(second.stderr)")
            // Past the check (the folder turned read-only after it), the commit still replaces
            // nothing: the library's job, run directly.
            let job = SweepJob(spec: SweepSpec(function: Sigmoid(), points: [0, 2, 4], steps: Steps([1e-2, 1e-4])),
                               grid: .list([1e-2, 1e-4]), perDecade: 1, root: disk, renderer: NativeRenderer())
            #expect(throws: (any Error).self) { try job.run() }
            try Self.expectNothingChanged(before, in: disk, ignoring: [".data-alias/sigmoid.csv", ".data-alias/sigmoid.files"])
        }
    }
}

/// A tmpfs of its own for each test, and the commands that mount and unmount it.
enum RAMDisk {
    /// Runs a system command quietly; its exit status.
    @discardableResult
    static func system(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let canMount: Bool = {
        guard let directory = try? Binary.scratchDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: directory) }
        guard system(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", directory.path]) == 0 else { return false }
        system(["umount", directory.path])
        return true
    }()

    /// A new tmpfs, unmounted (with any mounts inside it) when `body` returns.
    static func with(megabytes: Int = 2, _ body: (URL) throws -> Void) throws {
        let directory = try Binary.scratchDirectory()
        try #require(system(["mount", "-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", directory.path]) == 0)
        defer {
            system(["umount", "-R", directory.path])
            try? FileManager.default.removeItem(at: directory)
        }
        try body(directory)
    }

}
