/// How a Jacobian of f: Rⁿ → Rᵏ is computed, and so what it costs: a difference stencil or the
/// complex step column by column, forward AD a pass per column (or per chunk of columns), reverse
/// AD one recording and a sweep per row, the black-box estimator entry by entry, and the three
/// sparse methods a pass per colour.
public enum JacobianMethod: String, CaseIterable, Sendable {
    case forward, backward, central, central5
    /// Im f(x + ih·eⱼ)/h, column j, at h = 1e−20.
    case complex
    /// A dual pass per column.
    case forwardAD = "forward-ad"
    /// A pass of `ChunkDual` per chunk of 8 columns: ⌈n/8⌉ passes.
    case vectorForwardAD = "forward-ad-vector"
    /// One recording, then a backward sweep per row.
    case reverseAD = "reverse-ad"
    /// errsweep's estimator per entry, each with its own step and bound.
    case blackBox = "black-box"
    /// A dual pass per colour of columns (`SparsityPattern.columnColoring`).
    case sparseForwardAD = "sparse-forward-ad"
    /// One recording, a sweep per colour of rows.
    case sparseReverseAD = "sparse-reverse-ad"
    /// A central difference per colour of columns, every column of the colour stepped at once.
    case sparseCentral = "sparse-central"

    /// The chunk `forward-ad-vector` carries: 8 doubles, two AVX registers.
    public static let chunk = 8

    /// The dense methods, every entry computed: what `errsweep jacobian` runs by default.
    public static var dense: [JacobianMethod] { [.forward, .backward, .central, .central5, .complex, .forwardAD, .vectorForwardAD, .reverseAD, .blackBox] }
    /// The methods that use the sparsity pattern.
    public static var sparse: [JacobianMethod] { [.sparseForwardAD, .sparseReverseAD, .sparseCentral] }

    /// The stencil of a difference method, column by column or colour by colour.
    public var stencil: Stencil? {
        switch self {
        case .forward: DerivativeMethod.forward.stencil
        case .backward: DerivativeMethod.backward.stencil
        case .central, .sparseCentral: DerivativeMethod.central.stencil
        case .central5: DerivativeMethod.central5.stencil
        default: nil
        }
    }

    /// Free of truncation: only the working precision's rounding errs (the complex step at
    /// h = 1e−20, whose truncation h²f‴/6 is 10⁻⁴⁰ of f‴).
    public var isExact: Bool {
        switch self {
        case .complex, .forwardAD, .vectorForwardAD, .reverseAD, .sparseForwardAD, .sparseReverseAD: true
        default: false
        }
    }

    /// Whether the method reads the sparsity pattern.
    public var isSparse: Bool { Self.sparse.contains(self) }

    /// The work for n inputs, k outputs and the colourings' counts.
    public func work(inputs n: Int, outputs k: Int, columnColors: Int, rowColors: Int) -> WorkCount {
        switch self {
        case .forward, .backward, .central, .central5, .sparseCentral:
            WorkCount([.evaluation: evaluations(inputs: n, outputs: k, columnColors: columnColors, rowColors: rowColors)])
        case .complex: WorkCount([.complexEvaluation: n])
        case .forwardAD: WorkCount([.dualPass: n])
        case .vectorForwardAD: WorkCount([.vectorDualPass: (n + Self.chunk - 1) / Self.chunk], detail: "\(Self.chunk) tangents each")
        case .reverseAD: WorkCount([.recording: 1, .backwardPass: k])
        case .blackBox: WorkCount([.estimate: k * n])
        case .sparseForwardAD: WorkCount([.dualPass: columnColors])
        case .sparseReverseAD: WorkCount([.recording: 1, .backwardPass: rowColors])
        }
    }

    /// The evaluations of f (in any number system; a recording counts one) the method makes,
    /// backward sweeps not counted; the black-box estimator's are counted as they happen.
    public func evaluations(inputs n: Int, outputs k: Int, columnColors: Int, rowColors: Int) -> Int {
        switch self {
        case .forward, .backward, .central, .central5:
            let offsets = stencil!.offsets
            return n * offsets.filter { $0 != 0 }.count + (offsets.contains(0) ? 1 : 0)
        case .complex, .forwardAD: return n
        case .vectorForwardAD: return (n + Self.chunk - 1) / Self.chunk
        case .reverseAD, .sparseReverseAD: return 1
        case .blackBox: return GradientMethod.blackBoxEvaluationsPerComponent * k * n
        case .sparseForwardAD: return columnColors
        case .sparseCentral: return 2 * columnColors
        }
    }

    /// Backward sweeps over the recording.
    public func sweeps(outputs k: Int, rowColors: Int) -> Int {
        switch self {
        case .reverseAD: k
        case .sparseReverseAD: rowColors
        default: 0
        }
    }
}
