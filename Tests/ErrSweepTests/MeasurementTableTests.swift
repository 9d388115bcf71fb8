import ErrSweep
import Testing

@Suite struct MeasurementTableTests {
    @Test func headerNamesTheColumns() {
        let spec = SweepSpec(function: Sigmoid(), steps: [])
        let header = MeasurementTable.csv([], analysis: SweepAnalysis(spec: spec, rows: [])).split(separator: "\n").first
        #expect(header == "function,x,method,precision,h,estimate,truth,abs_error,rel_error,ulps,truncation,rounding,model_truncation,model_rounding,status")
    }

    /// Every number written reads back to the identical value, in its own precision.
    @Test func readsBackBitExact() {
        let spec = SweepSpec(
            function: Sigmoid(), points: [2, 10], precisions: Precision.available,
            steps: try! StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 3))
        let rows = SweepRunner.run(spec)
        let analysis = SweepAnalysis(spec: spec, rows: rows)
        let lines = MeasurementTable.csv(rows, analysis: analysis).split(separator: "\n").dropFirst()
        #expect(lines.count == rows.count)
        for (line, row) in zip(lines, rows) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == 15)
            #expect(Double(cells[1]) == row.x)
            #expect(Double(cells[4]) == row.h)
            #expect(cells[3] == row.precision.rawValue)
            #expect(cells[14] == row.status.rawValue)
            #expect(Double(cells[10]).map { $0 == row.split.truncation || $0.isNaN && row.split.truncation.isNaN } == true)
            #expect(Double(cells[11]).map { $0 == row.split.rounding || $0.isNaN && row.split.rounding.isNaN } == true)
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
