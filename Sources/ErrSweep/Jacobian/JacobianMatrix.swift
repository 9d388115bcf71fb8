/// A Jacobian's entries on a sparsity pattern: row i holds the values of the columns
/// `pattern.rows[i]`, in that order; every other entry is structurally 0. A dense Jacobian is the
/// dense pattern.
public struct JacobianMatrix: Sendable, Equatable {
    public let pattern: SparsityPattern
    /// values[i][p] is entry (i, pattern.rows[i][p]).
    public var values: [[Double]]

    /// The entries `values` on `pattern`.
    public init(pattern: SparsityPattern, values: [[Double]]) {
        self.pattern = pattern
        self.values = values
    }

    /// A dense matrix from its rows.
    public init(dense rows: [[Double]], columns n: Int) {
        self.init(pattern: .dense(rows: rows.count, columns: n), values: rows)
    }

    /// Entry (i, j): 0 where the pattern has none.
    public subscript(row: Int, column: Int) -> Double {
        guard let p = position(row: row, column: column) else { return 0 }
        return values[row][p]
    }

    /// Where entry (i, j) sits in row i's values, if the pattern has it.
    public func position(row: Int, column: Int) -> Int? {
        let columns = pattern.rows[row]
        var low = 0, high = columns.count
        while low < high {
            let middle = (low + high) / 2
            if columns[middle] < column { low = middle + 1 } else { high = middle }
        }
        return low < columns.count && columns[low] == column ? low : nil
    }

    /// The same Jacobian's entries on another pattern (0 where this one has none).
    public func restricted(to other: SparsityPattern) -> JacobianMatrix {
        JacobianMatrix(pattern: other, values: other.rows.enumerated().map { i, columns in columns.map { self[i, $0] } })
    }

    /// Every entry as rows of n.
    public var dense: [[Double]] {
        pattern.rows.enumerated().map { i, columns in
            var row = [Double](repeating: 0, count: pattern.columnCount)
            for (p, j) in columns.enumerated() { row[j] = values[i][p] }
            return row
        }
    }
}
