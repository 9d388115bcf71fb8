import ErrSweep
import Foundation

/// A vector function and a point as the command line gives them: a catalog name with its shape
/// (`dense-layer`, n inputs, k outputs) and optionally the point's coordinates, or a
/// comma-separated list of expressions with the point by name (`p=1,q=2`). Every rule is checked
/// here, once, with a message that says what would be valid.
public struct VectorFunctionInput: Sendable {
    public let function: any VectorFunction
    public let point: [Double]

    /// Why the input cannot be used, and what would be valid.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// The most inputs a catalog function is built with: 10⁶ (its sparse Jacobian still takes a
    /// few passes; its dense methods are skipped by their predicted time).
    public static let maximumInputs = 1_000_000
    /// The most outputs a shape-free function (the dense layer) is built with.
    public static let maximumOutputs = 10_000
    /// The most entries of the dense layer's W, which it keeps in memory.
    public static let maximumWeights = 4_000_000

    /// `fn` as a catalog name (its shape from `inputs` and `outputs`) or an expression list, at
    /// `at` (coordinates for a catalog function, its default point when nil; name=value for
    /// expressions, required).
    public init(fn: String, inputs: Int?, outputs: Int?, at: String?) throws {
        if VectorCatalog.names.contains(fn) {
            let n = inputs ?? 4, k = outputs ?? 3
            guard (1...Self.maximumInputs).contains(n) else {
                throw Invalid(description: "--inputs \(n) is out of range; valid: 1 to \(Self.maximumInputs)")
            }
            guard (1...Self.maximumOutputs).contains(k) else {
                throw Invalid(description: "--outputs \(k) is out of range; valid: 1 to \(Self.maximumOutputs)")
            }
            if fn == "dense-layer", n * k > Self.maximumWeights {
                throw Invalid(description: "a dense layer of \(n) × \(k) has \(n * k) weights; valid: at most \(Self.maximumWeights)")
            }
            if fn != "dense-layer", outputs != nil {
                throw Invalid(description: "--outputs applies to dense-layer only; \(fn)'s outputs follow from its inputs")
            }
            let function = VectorCatalog.function(named: fn, inputs: n, outputs: k)!
            self.function = function
            guard let at else { point = function.defaultPoint; return }
            let values = at.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard values.count == function.inputCount, values.allSatisfy({ $0?.isFinite == true }) else {
                throw Invalid(description: "--at '\(at)' is not \(function.inputCount) finite numbers separated by commas (\(fn) has \(function.inputCount) inputs)")
            }
            point = values.map { $0! }
            return
        }
        let components: [MathExpression]
        do { components = try ExpressionParser.parseList(fn) } catch {
            let names = VectorCatalog.names.joined(separator: ", ")
            throw Invalid(description: "'\(fn)' is neither a vector function (\(names)) nor a list of expressions: \(error)")
        }
        let list = ExpressionList(components)
        guard list.inputCount > 0 else {
            throw Invalid(description: "'\(fn)' has no variables; valid: expressions in one or more variables, such as 'p*q, sin(p) + q^2'")
        }
        if inputs != nil || outputs != nil {
            throw Invalid(description: "--inputs and --outputs apply to catalog functions; an expression list's shape is its variables and components")
        }
        guard let at else {
            throw Invalid(description: "--at is required for expressions: one value per variable, \(list.inputNames.map { "\($0)=…" }.joined(separator: ",")); or a catalog function: \(VectorCatalog.names.joined(separator: ", "))")
        }
        do { point = list.inputs(try PointParsing.point(at, variables: list.inputNames)) } catch {
            throw Invalid(description: "--at: \(error)")
        }
        function = list
    }

    /// Every method's Jacobian at the point (`JacobianComparison`), with the catalog's functions
    /// called by their concrete types so that each number system's evaluation is specialised, as
    /// a user's own code would be; an expression list is interpreted anyway.
    public func comparison(methods: [JacobianMethod] = JacobianMethod.allCases) -> JacobianComparison {
        if let f = function as? DenseLayer { return JacobianComparison(f, at: point, methods: methods) }
        if let f = function as? BroydenTridiagonal { return JacobianComparison(f, at: point, methods: methods) }
        if let f = function as? NetworkLosses { return JacobianComparison(f, at: point, methods: methods) }
        if let f = function as? HelmholtzGradient { return JacobianComparison(f, at: point, methods: methods) }
        return function.comparison(at: point, methods: methods)
    }
}

extension VectorFunction {
    /// Every method's Jacobian at `point` (`JacobianComparison`), for an existential's own type.
    func comparison(at point: [Double], methods: [JacobianMethod]) -> JacobianComparison {
        JacobianComparison(self, at: point, methods: methods)
    }
}
