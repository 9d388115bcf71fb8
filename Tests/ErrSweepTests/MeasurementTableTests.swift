import ErrSweep
import Testing

@Suite struct MeasurementTableTests {
    @Test func headerNamesTheColumns() {
        let header = MeasurementTable.csv([]).split(separator: "\n").first
        #expect(header == "function,x,method,precision,h,estimate,truth,abs_error,rel_error,ulps,status")
    }

    /// Every number written reads back to the identical value, in its own precision.
    @Test func readsBackBitExact() {
        let spec = SweepSpec(
            function: Sigmoid(), points: [2, 10], precisions: Precision.allCases,
            steps: try! StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 3))
        let rows = SweepRunner.run(spec)
        let lines = MeasurementTable.csv(rows).split(separator: "\n").dropFirst()
        #expect(lines.count == rows.count)
        for (line, row) in zip(lines, rows) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == 11)
            #expect(Double(cells[1]) == row.x)
            #expect(Double(cells[4]) == row.h)
            #expect(cells[3] == row.precision.rawValue)
            #expect(cells[10] == row.status.rawValue)
            let same = { (text: String, value: WidestFloat) -> Bool in
                switch row.precision {
                case .float16: Float16(text).map { $0 == Float16(value) || ($0.isNaN && value.isNaN) } ?? false
                case .float: Float(text).map { $0 == Float(value) || ($0.isNaN && value.isNaN) } ?? false
                case .double: Double(text).map { $0 == Double(value) || ($0.isNaN && value.isNaN) } ?? false
                #if arch(x86_64)
                case .float80: Float80(text).map { $0 == value || ($0.isNaN && value.isNaN) } ?? false
                #endif
                }
            }
            #expect(same(cells[5], row.estimate), "\(line)")
            #expect(same(cells[6], row.truth), "\(line)")
            #expect(Double(cells[7]).map { $0 == row.absoluteError || $0.isNaN && row.absoluteError.isNaN } == true)
            #expect(Double(cells[9]).map { $0 == row.ulps || $0.isNaN && row.ulps.isNaN } == true)
        }
    }

    @Test func nanAndInfinitySpelledPlainly() {
        #expect(NumberFormat.exact(-Double.nan) == "nan")
        #expect(NumberFormat.exact(Double.infinity) == "inf")
        #expect(NumberFormat.exact(-Double.infinity) == "-inf")
        #expect(NumberFormat.exact(0.1) == "0.1")
    }
}
