import Foundation
import Testing

/// The example end to end: a derivative that cancels 665 bits, which two MPFR precisions
/// agreed was 0, so that every method was called exact.
@Suite struct ProvedTruthCommandTests {
    @Test func aDeepCancellationIsProvedAndEveryMethodIsWrong() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(
            ["--fn", "sin(x + 1e-200) - sin(x)", "--x", "1", "--method", "forward-ad,central", "--h", "1e-2,1e-3", "--plot", "none"],
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("Reports/data").path)
        let name = try #require(files.first { $0.hasSuffix(".csv") })
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/\(name)"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 4)
        for row in rows {
            // mpmath: cos(1 + 1e-200) − cos(1) = −8.4147098480789650665e−201, proved at 1360 bits.
            #expect(Double(row[7]) == -8.414709848078964e-201)
            #expect(row[8] == "1360")
            #expect(row[16] == "ok")
            // Every estimate is 0 (x + 1e-200 rounds to x in Double): wrong in every digit.
            #expect(Double(row[6]) == 0)
            #expect((Double(row[11]) ?? 0) > 1e18)
        }
        #expect(result.stdout.contains("proving it took 1360 bits"))
    }

    @Test func aTruthBeyondTheCapIsUnresolvedWithItsEnclosure() throws {
        let directory = try Binary.scratchDirectory()
        let arguments = ["--fn", "(sin(x + 1e-1300) - sin(x)) * 1e1300", "--x", "1", "--method", "forward-ad", "--h", "1e-2", "--plot", "none"]
        let capped = try Binary.run(arguments, in: directory)
        #expect(capped.status == 0, "\(capped.stderr)")
        #expect(capped.stdout.contains("truth-unresolved: the exact derivative is not resolved at 4096 bits: it lies in ["))
        let raised = try Binary.run(arguments + ["--truth-bits", "16384"], in: directory)
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(!raised.stdout.contains("truth-unresolved"))
        let refused = try Binary.run(arguments + ["--truth-bits", "100"], in: directory)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("'100' is not a cap in bits; valid: a whole number from 256 to 1048576"))
        let words = try Binary.run(arguments + ["--truth-bits", "many"], in: directory)
        #expect(words.status == 64)
        #expect(words.stderr.contains("'many' is not a cap in bits; valid:"))
    }
}
