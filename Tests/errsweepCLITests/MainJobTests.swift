import Foundation
import Testing

/// The main job (`make run`: `errsweep --fn sigmoid --h 1e-1...1e-16`) writes exactly the
/// committed sigmoid report and charts, byte for byte, so a newcomer's first command leaves the
/// checkout clean — and a change that alters them fails here until `make report` is run.
@Suite struct MainJobTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theMainJobWritesTheCommittedFiles() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["--fn", "sigmoid", "--h", "1e-1...1e-16"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        var isDirectory: ObjCBool = false
        let written = Binary.files(under: directory).filter { file in
            !file.hasPrefix("Reports/data") && FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(file).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        #expect(written.contains("Reports/sigmoid.md"))
        #expect(written.filter { $0.hasPrefix("Plots/") }.count == 31)
        for file in written {
            let ours = try Data(contentsOf: directory.appendingPathComponent(file))
            let committed = try? Data(contentsOf: Self.repository.appendingPathComponent(file))
            #expect(committed == ours, "\(file) differs from the committed one: run make report")
        }
        // And no committed sigmoid chart is one the main job no longer draws.
        let plots = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Plots").path)
        let committed = plots.filter { $0.hasPrefix("sigmoid-") && !$0.hasPrefix("sigmoid-d") }.map { "Plots/" + $0 }
        #expect(Set(committed) == Set(written.filter { $0.hasPrefix("Plots/") }))
    }
}
