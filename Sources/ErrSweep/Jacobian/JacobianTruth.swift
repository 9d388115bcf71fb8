/// The exact Jacobian of a vector function at a point, each entry enclosed in an Arb ball and
/// proved correctly rounded to Double through the one proved path (`Truth.proved`), or refused
/// with its reason; and the exact J·u and vᵀJ the products are measured against.
///
/// The entries come from forward AD in balls, `Dual<Ball>`, a pass per colour of columns
/// (`SparsityPattern.columnColoring`; a dense pattern's colours are its columns): a row meets
/// one column of a colour, so its tangent is that entry alone, structural zeros adding exact
/// zeros. A colour's pass is repeated at doubled precision only while one of its entries is not
/// resolved.
public struct JacobianTruth: Sendable {
    /// An entry: its proved truth, or why it has none.
    public typealias Entry = Result<Truth<Double>, Truth<Double>.Failure>
    public let pattern: SparsityPattern
    /// Per entry of the pattern, aligned with `pattern.rows`.
    public let entries: [[Entry]]
    /// Per entry: how far a Double evaluation of it can stray by its own roundings, in ulps of the
    /// proved entry — the radius of the entry's ball computed at 53 bits, where Arb adds every
    /// rounding of the primal and of the tangent to the radius as it goes (a running error bound,
    /// Wilkinson's, done by the ball arithmetic). An exact method can be trusted to a few ulps only
    /// where this is small: a large one means f's own evaluation cancels there. NaN where there is
    /// no truth.
    public let roundingBounds: [[Double]]
    let function: any VectorFunction
    let point: [Double]
    let maximumBits: Int

    /// Proves every entry of f's Jacobian at `x` on `pattern` (detected at x when nil).
    public init(_ f: any VectorFunction, at x: [Double], pattern: SparsityPattern? = nil, maximumBits: Int = Truth<Double>.defaultMaximumBits) {
        let pattern = pattern ?? SparsityPattern.detect(f, at: x)
        self.pattern = pattern
        function = f
        point = x
        self.maximumBits = maximumBits
        let coloring = pattern.columnColoring()
        let groups = coloring.groups
        // f's own values: an output undefined at x has no derivative to prove.
        let start = Truth<Double>.startingBits
        let values = BigFloat.withLiteralPrecision(start) { f(x.map { Ball($0, precision: start) }) }
        let undefined = values.indices.map { i in
            Truth<Double>.undefined(values[i], mpfr: {
                BigFloat.withLiteralPrecision(start) { f(x.map { BigFloat($0, precision: start) })[i] }
            })
        }
        var cache: [Int: [[Ball]]] = [:]
        func tangents(_ color: Int, _ bits: Int) -> [Ball] {
            if let columns = cache[bits] { return columns[color] }
            // Every colour at once at a new precision: most entries resolve at the first.
            let columns = groups.map { Self.tangents(of: f, at: x, seeds: Set($0), bits: bits) }
            cache[bits] = columns
            return columns[color]
        }
        let entries = pattern.rows.enumerated().map { i, columns in
            columns.map { j -> Entry in
                if let failure = undefined[i] { return .failure(failure) }
                let color = coloring.colors[j]
                return Truth<Double>.proved(maximumBits: maximumBits, { tangents(color, $0)[i] }, classify: { bits in
                    Truth<Double>.classification { Self.mpfrTangents(of: f, at: x, seeds: Set(groups[color]), bits: bits)[i] }
                })
            }
        }
        self.entries = entries
        let working = Double.significandBitCount + 1
        let workingTangents = groups.map { Self.tangents(of: f, at: x, seeds: Set($0), bits: working) }
        roundingBounds = pattern.rows.enumerated().map { i, columns in
            zip(columns, entries[i]).map { j, entry in
                guard let exact = try? entry.get().rounded else { return .nan }
                return workingTangents[coloring.colors[j]][i].radius / Swift.abs(exact).ulp
            }
        }
    }

    /// The correctly rounded entries, NaN where there is none.
    public var rounded: JacobianMatrix {
        JacobianMatrix(pattern: pattern, values: entries.map { row in row.map { (try? $0.get())?.rounded ?? .nan } })
    }

    /// A proved vector (J·u or vᵀJ): each component's truth or why it has none, and the rounding
    /// bound of a Double evaluation of it, in ulps, as `roundingBounds` gives per entry.
    public struct ProvedVector: Sendable {
        /// Each component's proved truth, or why it has none.
        public let entries: [Entry]
        /// Each component's rounding bound in ulps; NaN where there is no truth.
        public let roundingBounds: [Double]
        /// The correctly rounded components, NaN where there is none.
        public var rounded: [Double] { entries.map { (try? $0.get())?.rounded ?? .nan } }

        /// Proves each of `count` components of `evaluate(bits)`, which is called once per
        /// precision tried, and bounds it by the same evaluation at 53 bits.
        init(count: Int, maximumBits: Int, _ evaluate: (Int) -> [Ball]) {
            var cache: [Int: [Ball]] = [:]
            func balls(_ bits: Int) -> [Ball] {
                if let balls = cache[bits] { return balls }
                let balls = evaluate(bits)
                cache[bits] = balls
                return balls
            }
            let entries = (0..<count).map { i in Truth<Double>.proved(maximumBits: maximumBits, { balls($0)[i] }) }
            self.entries = entries
            let working = balls(Double.significandBitCount + 1)
            roundingBounds = zip(working, entries).map { ball, entry in
                (try? entry.get().rounded).map { ball.radius / Swift.abs($0).ulp } ?? .nan
            }
        }
    }

    /// J·u proved per row, u taken exactly: one ball pass of f seeded with u.
    public func jacobianVectorProduct(_ u: [Double]) -> ProvedVector {
        let f = function, x = point
        return ProvedVector(count: f.outputCount, maximumBits: maximumBits) { Self.tangents(of: f, at: x, direction: u, bits: $0) }
    }

    /// vᵀJ proved per column, v taken exactly: Σᵢ vᵢ·Jᵢⱼ in balls, each entry's ball at the
    /// precision tried.
    public func vectorJacobianProduct(_ v: [Double]) -> ProvedVector {
        let f = function, x = point, coloring = pattern.columnColoring(), groups = coloring.groups, columns = pattern.columns
        return ProvedVector(count: f.inputCount, maximumBits: maximumBits) { bits in
            let tangents = groups.map { Self.tangents(of: f, at: x, seeds: Set($0), bits: bits) }
            return BigFloat.withLiteralPrecision(bits) {
                (0..<f.inputCount).map { j in
                    columns[j].reduce(Ball(0, precision: bits)) { sum, i in sum + Ball(v[i], precision: bits) * tangents[coloring.colors[j]][i] }
                }
            }
        }
    }

    /// f's outputs' tangents in balls at `bits`, the inputs in `seeds` seeded with 1.
    static func tangents(of f: any VectorFunction, at x: [Double], seeds: Set<Int>, bits: Int) -> [Ball] {
        tangents(of: f, at: x, direction: x.indices.map { seeds.contains($0) ? 1 : 0 }, bits: bits)
    }

    /// f's outputs' tangents in balls at `bits` along `direction`.
    static func tangents(of f: any VectorFunction, at x: [Double], direction: [Double], bits: Int) -> [Ball] {
        BigFloat.withLiteralPrecision(bits) {
            f(zip(x, direction).map { Dual(Ball($0, precision: bits), tangent: Ball($1, precision: bits)) }).map(\.tangent)
        }
    }

    /// The same in MPFR, only to tell a domain error from a pole where a ball is not finite.
    static func mpfrTangents(of f: any VectorFunction, at x: [Double], seeds: Set<Int>, bits: Int) -> [BigFloat] {
        BigFloat.withLiteralPrecision(bits) {
            f(x.indices.map { Dual(BigFloat(x[$0], precision: bits), tangent: BigFloat(seeds.contains($0) ? 1.0 : 0.0, precision: bits)) }).map(\.tangent)
        }
    }
}
