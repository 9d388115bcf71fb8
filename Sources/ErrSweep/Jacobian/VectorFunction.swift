/// A function f: Rⁿ → Rᵏ written once over `Scalar`, as `MultivariateFunction` is for k = 1:
/// every method of the Jacobian evaluates the one definition in its own number system — duals
/// and chunks of them for forward AD, `Tracked` for reverse AD, complex numbers for the complex
/// step, and `Dual<Ball>` for the proved truth.
public protocol VectorFunction: Sendable {
    var name: String { get }
    var formula: String { get }
    /// n, the number of inputs.
    var inputCount: Int { get }
    /// k, the number of outputs.
    var outputCount: Int { get }
    /// What tables call each input (x1, x2, … unless given).
    var inputNames: [String] { get }
    /// A fixed point inside the domain, `inputCount` coordinates.
    var defaultPoint: [Double] { get }
    /// f(x), its k outputs, written once for every number system.
    func callAsFunction<T: Scalar>(_ x: [T]) -> [T]
}

extension VectorFunction {
    public var inputNames: [String] { (0..<inputCount).map { "x\($0 + 1)" } }

    /// Whether the Jacobian is taller than wide (k > n): forward mode's n passes then cost less
    /// than reverse mode's k sweeps, by the count of passes alone.
    public var isTall: Bool { outputCount > inputCount }
}

/// A comma-separated list of expressions as a vector function (`p*q, sin(p) + q^2, exp(q)`):
/// its inputs are the variables in order of first appearance across the list.
public struct ExpressionList: VectorFunction {
    public let components: [MathExpression]
    public let inputNames: [String]
    /// Where each variable sits among the inputs.
    let position: [String: Int]

    /// The list `components`; its variables, in order of first appearance, are the inputs.
    public init(_ components: [MathExpression]) {
        self.components = components
        var names: [String] = []
        for component in components { for variable in component.variables where !names.contains(variable) { names.append(variable) } }
        inputNames = names
        position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    public var name: String { "expressions" }
    public var formula: String { components.map(\.description).joined(separator: ", ") }
    public var inputCount: Int { inputNames.count }
    public var outputCount: Int { components.count }
    public var defaultPoint: [Double] { Array(repeating: 1, count: inputCount) }

    public func callAsFunction<T: Scalar>(_ x: [T]) -> [T] {
        components.map { component in component.evaluate { x[position[$0]!] } }
    }

    /// The point given by name (`PointParsing.point`) as inputs in order.
    public func inputs(_ point: [String: Double]) -> [Double] { inputNames.map { point[$0] ?? 0 } }
}
