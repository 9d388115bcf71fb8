/// The noise of f near x — how far a computed value of f may be from a smooth function through
/// its neighbours — by Moré and Wild's ECnoise (Moré & Wild, "Estimating computational noise",
/// SIAM J. Sci. Comput. 33(3), 2011, Algorithm 1).
///
/// Nine values of f at spacing δ give difference tables of orders 1 to 6; the k-th holds
/// f⁽ᵏ⁾δᵏ plus noise, and where the noise dominates, γₖ·mean((Δᵏf)²) with γₖ = (k!)²/(2k)!
/// estimates its variance. A level is accepted where three consecutive orders agree within a
/// factor 4 and the differences change sign (noise, not a smooth trend). Too few distinct values
/// mean δ is too small (f is flat, or quantized, at that spacing); no agreeing orders, too large.
public struct NoiseLevel<T: WorkingFloat>: Sendable, Equatable {
    /// The estimated standard deviation of f's noise, in f's units; nil where none was found.
    public var sigma: T?
    /// The spacing of the values it came from.
    public var spacing: T
    /// The evaluations of f it made.
    public var evaluations: Int

    /// σ relative to |f(x)| (σ itself where f(x) = 0); nil where there is none.
    public func relative(to fx: T) -> T? { sigma.map { fx == 0 ? $0 : $0 / abs(fx) } }

    /// The noise of `f` at x from values on one side (`side` = 1 or −1: x, x ± δ, …, x ± 8δ, as at
    /// a domain edge) or around it (`side` = 0: x − 4δ … x + 4δ), δ = √ε·max(|x|, 1) at first,
    /// a hundred times larger while it is too small and smaller while too large, four times at most.
    public static func measure(_ f: (T) -> T, at x: T, side: Int = 0) -> NoiseLevel {
        var spacing = T.ulpOfOne.squareRoot() * max(abs(x), 1), evaluations = 0
        for _ in 0..<4 {
            let offsets = side == 0 ? (-4...4).map(T.init) : (0...8).map { T($0 * side) }
            let values = offsets.map { f(x + $0 * spacing) }
            evaluations += values.count
            guard values.allSatisfy(\.isFinite) else { return NoiseLevel(sigma: nil, spacing: spacing, evaluations: evaluations) }
            switch ecnoise(values) {
            case .level(let sigma): return NoiseLevel(sigma: sigma, spacing: spacing, evaluations: evaluations)
            case .spacingTooSmall: spacing *= 100
            case .spacingTooLarge: spacing /= 100
            }
        }
        return NoiseLevel(sigma: nil, spacing: spacing, evaluations: evaluations)
    }

    /// What one table of values says.
    enum Finding: Equatable {
        case level(T)
        case spacingTooSmall
        case spacingTooLarge
    }

    /// ECnoise on equally spaced values (Moré & Wild, Algorithm 1, with orders 1 to 6).
    static func ecnoise(_ values: [T]) -> Finding {
        let orders = 6
        let largest = values.map(abs).max() ?? 0
        // Fewer than half the values distinct: δ is below f's resolution here.
        if Set(values).count <= values.count / 2 { return .spacingTooSmall }
        // A change of more than a tenth across the table: δ sees f's shape, not its noise.
        if let low = values.min(), let high = values.max(), high - low > largest / 10 { return .spacingTooLarge }
        var differences = values, gamma: T = 1
        var levels: [T] = [], changesSign: [Bool] = []
        for k in 1...orders {
            differences = zip(differences.dropFirst(), differences).map { $0 - $1 }
            // γₖ = (k!)²/(2k)!, by γₖ = γₖ₋₁ · k/(2(2k − 1)).
            gamma *= T(k) / T(2 * (2 * k - 1))
            let meanSquare = differences.map { $0 * $0 }.reduce(0, +) / T(differences.count)
            levels.append((gamma * meanSquare).squareRoot())
            changesSign.append(differences.contains { $0 > 0 } && differences.contains { $0 < 0 })
        }
        for k in 0..<(orders - 2) {
            let three = levels[k...(k + 2)]
            if let low = three.min(), let high = three.max(), high <= 4 * low, changesSign[k] { return .level(levels[k]) }
        }
        return .spacingTooLarge
    }
}
