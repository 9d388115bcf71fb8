/// Where a Jacobian can be nonzero, and the colourings that compress it.
///
/// Two columns that share no row can be seeded together: one forward pass (or one difference)
/// with both unit tangents yields both columns, each row seeing only one of them (Curtis, Powell
/// & Reid, "On the estimation of sparse Jacobian matrices", IMA J. Appl. Math. 13, 1974). A
/// colouring of columns so that columns of one colour never share a row is a distance-2 colouring
/// of the bipartite graph (Gebremedhin, Manne & Pothen, "What color is your Jacobian?", SIAM
/// Review 47(4), 2005); greedy colouring in natural order finds one with at most the largest
/// number of entries any row's columns share, plus one — three for a tridiagonal matrix, whatever
/// n. Rows are coloured the same way for reverse mode, each colour one weighted sweep.
public struct SparsityPattern: Sendable, Equatable {
    /// For each row, its possibly nonzero columns, ascending.
    public let rows: [[Int]]
    public let columnCount: Int

    /// The pattern with these rows over `columnCount` columns.
    public init(rows: [[Int]], columnCount: Int) {
        self.rows = rows
        self.columnCount = columnCount
    }

    /// Every entry possibly nonzero.
    public static func dense(rows k: Int, columns n: Int) -> SparsityPattern {
        SparsityPattern(rows: Array(repeating: Array(0..<n), count: k), columnCount: n)
    }

    /// The pattern f's recording at `point` shows (`Tape.dependencies`).
    public static func detect(_ f: some VectorFunction, at point: [Double]) -> SparsityPattern {
        SparsityPattern(rows: Tape<Double>().dependencies(at: point) { f($0) }, columnCount: f.inputCount)
    }

    public var rowCount: Int { rows.count }
    /// The number of possibly nonzero entries.
    public var entryCount: Int { rows.reduce(0) { $0 + $1.count } }
    /// For each column, its possibly nonzero rows, ascending.
    public var columns: [[Int]] {
        var columns = [[Int]](repeating: [], count: columnCount)
        for (i, row) in rows.enumerated() { for j in row { columns[j].append(i) } }
        return columns
    }

    /// The pattern of the transpose.
    public var transposed: SparsityPattern { SparsityPattern(rows: columns, columnCount: rowCount) }

    /// A colouring of the columns in which no two columns of a colour share a row (greedy, in
    /// natural order: each column takes the least colour none of its row-neighbours has).
    public func columnColoring() -> Coloring {
        let columns = self.columns
        var colors = [Int](repeating: -1, count: columnCount)
        // The colour each colour was last forbidden for, so no set is rebuilt per column.
        var forbiddenFor = [Int](repeating: -1, count: columnCount + 1)
        var count = 0
        for j in 0..<columnCount {
            for i in columns[j] {
                for neighbour in rows[i] where colors[neighbour] >= 0 { forbiddenFor[colors[neighbour]] = j }
            }
            var color = 0
            while forbiddenFor[color] == j { color += 1 }
            colors[j] = color
            count = max(count, color + 1)
        }
        return Coloring(colors: colors, count: count)
    }

    /// A colouring of the rows in which no two rows of a colour share a column.
    public func rowColoring() -> Coloring { transposed.columnColoring() }
}

/// A colour per column (or row), 0 ..< count.
public struct Coloring: Sendable, Equatable {
    public let colors: [Int]
    /// The number of colours: the passes a compressed Jacobian takes.
    public let count: Int

    /// The members of each colour.
    public var groups: [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
        for (index, color) in colors.enumerated() { groups[color].append(index) }
        return groups
    }

    /// Whether no two members of a colour share an entry of `lines` (rows, for a column
    /// colouring): the compressed Jacobian can be read back exactly.
    public func isValid(for lines: [[Int]]) -> Bool {
        lines.allSatisfy { line in Set(line.map { colors[$0] }).count == line.count }
    }
}
