import ErrSweep
import Testing

@Suite struct MeasurementTableTests {
    @Test func headerNamesTheColumns() {
        let spec = SweepSpec(function: Sigmoid(), steps: [])
        let header = MeasurementTable.csv([], analysis: SweepAnalysis(spec: spec, rows: [])).split(separator: "\n").first
        #expect(header == "function,x,method,derivative,precision,h,estimate,truth,truth_bits,abs_error,rel_error,ulps,truncation,rounding,model_truncation,model_rounding,status")
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
            #expect(cells.count == 17)
            #expect(Int(cells[8]) == row.truthBits)
            #expect(row.truthBits >= 2 * row.precision.significandBits + 64 || row.truth.isNaN)
            #expect(Double(cells[1]) == row.x)
            #expect(cells[3] == "1")
            #expect(Double(cells[5]) == row.h)
            #expect(cells[4] == row.precision.rawValue)
            #expect(cells[16] == row.status.rawValue)
            #expect(Double(cells[12]).map { $0 == row.split.truncation || $0.isNaN && row.split.truncation.isNaN } == true)
            #expect(Double(cells[13]).map { $0 == row.split.rounding || $0.isNaN && row.split.rounding.isNaN } == true)
            let same = { (text: String, value: WorkingValue) -> Bool in
                #expect(value.precision == row.precision)
                return switch row.precision {
                case .float16: Float16(text).map { $0 == value.value(as: Float16.self) || ($0.isNaN && value.isNaN) } ?? false
                case .float: Float(text).map { $0 == value.value(as: Float.self) || ($0.isNaN && value.isNaN) } ?? false
                case .double: Double(text).map { $0 == value.value(as: Double.self) || ($0.isNaN && value.isNaN) } ?? false
                #if arch(x86_64)
                case .float80: Float80(text).map { $0 == value.value(as: Float80.self) || ($0.isNaN && value.isNaN) } ?? false
                #endif
                }
            }
            #expect(same(cells[6], row.estimate), "\(line)")
            #expect(same(cells[7], row.truth), "\(line)")
            #expect(Double(cells[9]).map { $0 == row.absoluteError || $0.isNaN && row.absoluteError.isNaN } == true)
            #expect(Double(cells[11]).map { $0 == row.ulps || $0.isNaN && row.ulps.isNaN } == true)
        }
    }

    @Test func nanAndInfinitySpelledPlainly() {
        #expect(NumberFormat.exact(-Double.nan) == "nan")
        #expect(NumberFormat.exact(Double.infinity) == "inf")
        #expect(NumberFormat.exact(-Double.infinity) == "-inf")
        #expect(NumberFormat.exact(0.1) == "0.1")
    }

    /// A table written by a sweep and read back analyses to the same numbers, with the model
    /// given from f's derivatives and nothing re-evaluated: best steps, the bottom of each V, the
    /// fitted slopes, the flags and the model's best step, entry by entry. Points where the
    /// sigmoid saturates (10) and where f′ is flat (0) are in it, as are all three precisions.
    /// f′ and f″ both.
    @Test(arguments: [1, 2])
    func aTableReadBackIsAnalysedAsTheSweepWas(_ k: Int) throws {
        let spec = SweepSpec(
            function: Sigmoid(), points: [0, 2, 10], precisions: [.float, .double],
            steps: try StepGrid(parsing: "1e-1...1e-16").steps(perDecade: 5), derivative: k)
        let rows = SweepRunner.run(spec)
        let swept = SweepAnalysis(spec: spec, rows: rows)
        let read = try MeasurementTable.rows(reading: MeasurementTable.csv(rows, analysis: swept))
        #expect(read.count == rows.count)
        #expect(read.allSatisfy { $0.derivative == k })
        let again = SweepAnalysis(rows: read) { x in
            HigherDerivatives.at(BigFloat(x, precision: 320), of: Sigmoid(), through: HigherDerivatives.order(for: k))
        }
        #expect(again.entries.count == swept.entries.count)
        for (a, b) in zip(swept.entries, again.entries) {
            #expect(a.x == b.x && a.method == b.method && a.precision == b.precision)
            #expect(a.best?.h == b.best?.h && a.best?.ulps == b.best?.ulps)
            #expect(a.bottomOfTheV?.h == b.bottomOfTheV?.h && a.bottomOfTheV?.error == b.bottomOfTheV?.error)
            #expect(a.truncationSlope == b.truncationSlope && a.roundingSlope == b.roundingSlope)
            #expect(a.flagged == b.flagged)
            #expect(a.model?.optimalStep == b.model?.optimalStep)
        }
        // Without derivatives there is no model, and the measurements' own figures remain.
        let bare = SweepAnalysis(rows: read)
        #expect(bare.entries.allSatisfy { $0.model == nil })
        #expect(bare.entries.map { $0.best?.h } == swept.entries.map { $0.best?.h })
    }

    @Test(arguments: [
        ("x,y\n1,2", "the first line is not errsweep's header"),
        (MeasurementTable.header + "\nsigmoid,1,forward,1,double,1e-3", "line 2: 6 fields; valid: 17"),
        (MeasurementTable.header + "\nsigmoid,1,sideways,1,double,0.001,0.2,0.2,170,0,0,0,0,0,nan,nan,ok", "line 2: unknown method 'sideways'"),
        (MeasurementTable.header + "\nsigmoid,one,forward,1,double,0.001,0.2,0.2,170,0,0,0,0,0,nan,nan,ok", "line 2: x 'one' is not a number"),
        (MeasurementTable.header + "\nsigmoid,1,forward,1,double,0.001,0.2,0.2,many,0,0,0,0,0,nan,nan,ok", "line 2: truth_bits 'many' is not a count of bits"),
        (MeasurementTable.header + "\nsigmoid,1,complex,3,double,0.001,0.2,0.2,170,0,0,0,0,0,nan,nan,ok", "line 2: complex does not compute derivative '3'"),
    ])
    func anUnreadableTableSaysWhere(_ text: String, _ message: String) {
        #expect(throws: MeasurementTable.Unreadable.self) { try MeasurementTable.rows(reading: text) }
        do { _ = try MeasurementTable.rows(reading: text) } catch { #expect("\(error)".hasPrefix(message), "\(error)") }
    }
}
