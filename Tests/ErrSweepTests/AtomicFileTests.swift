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

    /// Lines streamed through the buffer, several times its size, arrive whole and in order.
    @Test func streamedLinesArriveWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        let url = directory.appendingPathComponent("big.csv")
        let lines = (0..<300_000).lazy.map { "row \($0),\(Double($0) / 7)" }
        try AtomicFile.write(lines: lines, to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.utf8.count > 3 << 20)
        #expect(text == lines.map { $0 + "\n" }.joined())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["big.csv"])
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
