import ErrSweep
import Foundation
import Testing

@Suite struct AtomicFileTests {
    /// The check before a run creates what the run would, then leaves the disk as it found it.
    @Test func theWritabilityProbeLeavesNothingBehind() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString)")
        #expect(AtomicFile.problemWriting(under: base.appendingPathComponent("a/b/c")) == nil)
        #expect(!FileManager.default.fileExists(atPath: base.path))
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        #expect(AtomicFile.problemWriting(under: base) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
    }

    @Test func unwritablePlacesAreNamed() throws {
        #expect(AtomicFile.problemWriting(under: URL(fileURLWithPath: "/proc/errsweep"))?.contains("cannot create /proc/errsweep") == true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("probe-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        #expect(AtomicFile.problemWriting(under: file.appendingPathComponent("sub"))?.contains("is a file, not a directory") == true)
    }

    @Test func writesReplaceWholeAndLeaveNoTemporary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        let url = directory.appendingPathComponent("table.csv")
        try AtomicFile.write("first\n", to: url)
        try AtomicFile.write("second\n", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["table.csv"])
    }
}
