/// A Jacobian comparison as a table, a row per method and entry of the pattern: what the method
/// gave, the proved entry, the error in ulps, the entry's rounding bound, and the black-box
/// estimator's own claimed bound.
extension JacobianComparison {
    /// The table's first line: its columns.
    public static let csvHeader = "method,row,column,estimate,exact,ulps,rounding_bound_ulps,claimed_bound"

    /// The header and a line per method and entry; rows and columns count from 1, as the text
    /// table's do. An entry with no truth has `nan` as exact, ulps and bound.
    public var csvLines: [String] {
        let exact = truth.rounded
        var lines = [Self.csvHeader]
        for row in rows {
            let matrix = row.estimate.matrix
            for (i, columns) in truth.pattern.rows.enumerated() {
                for (p, j) in columns.enumerated() {
                    let claimed = row.estimate.bounds.flatMap { bounds in matrix.position(row: i, column: j).map { bounds[i][$0] } }
                    lines.append([
                        row.method.rawValue, "\(i + 1)", "\(j + 1)", NumberFormat.exact(matrix[i, j]), NumberFormat.exact(exact.values[i][p]),
                        NumberFormat.exact(row.ulps[i][p]), NumberFormat.exact(truth.roundingBounds[i][p]), claimed.map(NumberFormat.exact) ?? "",
                    ].joined(separator: ","))
                }
            }
        }
        return lines
    }
}
