import ErrSweep
import Foundation
import Testing

/// Every elementary function's derivative rule, through forward AD (`Dual`) and reverse AD
/// (`Tracked` on a tape), in each working precision — Float16, Float, Double and, where it
/// exists, Float80 — against f′(x) from mpmath at 36 digits, correctly rounded to the precision,
/// as swift-numerics' ElementaryFunctionChecks run one generic check per type.
@Suite struct DerivativeRulesPerTypeTests {
    /// (function, [(x, f′(x))]), f′ from mpmath's numerical differentiation at 40 digits. The points
    /// are exact in Float16.
    static let cases: [(String, [(Double, String)])] = [
        ("exp", [(0.5, "1.64872127070012814684865078781416357"), (0.75, "2.11700001661267466854536981983709561"), (1.25, "3.49034295746184137613054602967226548"), (2.5, "12.1824939607034734380701759511679662")]),
        ("expMinusOne", [(0.5, "1.64872127070012814684865078781416357"), (0.75, "2.11700001661267466854536981983709561"), (1.25, "3.49034295746184137613054602967226548"), (2.5, "12.1824939607034734380701759511679662")]),
        ("cosh", [(0.5, "0.521095305493747361622425626411491559"), (0.75, "0.822316731935829980703661634446913849"), (1.25, "1.60191908030082563790283030151221394"), (2.5, "6.05020448103978732145032363835040319")]),
        ("sinh", [(0.5, "1.12762596520638078522622516140267201"), (0.75, "1.29468328467684468784170818539018176"), (1.25, "1.88842387716101573822771572816005154"), (2.5, "6.132289479663686116619852312817563")]),
        ("tanh", [(0.5, "0.786447732965927410149698934343636102"), (0.75, "0.596585808281331426006133641736045454"), (1.25, "0.280414866180432627729331274770637732"), (2.5, "0.026592226683160619655994138016576947")]),
        ("cos", [(0.5, "-0.479425538604203000273287935215571388"), (0.75, "-0.681638760023334166733241952779893935"), (1.25, "-0.94898461935558621434849084703604925"), (2.5, "-0.598472144103956494051854702186162272")]),
        ("sin", [(0.5, "0.877582561890372716116281582603829652"), (0.75, "0.731688868873820886311838753000084544"), (1.25, "0.315322362395268665447538552438038014"), (2.5, "-0.801143615546933714833502790467351664")]),
        ("tan", [(0.5, "1.29844641040952483688376649885435966"), (0.75, "1.86787196418032780561310861601315956"), (1.25, "10.0575096218348286852535345160328704"), (2.5, "1.55804231257172530923035321715069605")]),
        ("log", [(0.5, "2.0"), (0.75, "1.33333333333333333333333333333333333"), (1.25, "0.8"), (2.5, "0.4")]),
        ("logOnePlus", [(0.5, "0.666666666666666666666666666666666667"), (0.75, "0.571428571428571428571428571428571429"), (1.25, "0.444444444444444444444444444444444444"), (2.5, "0.285714285714285714285714285714285714")]),
        ("acosh", [(1.25, "1.33333333333333333333333333333333333"), (1.5, "0.894427190999915878563669467492510494"), (2.5, "0.436435780471984762532194970831238904"), (3.0, "0.35355339059327376220042218105242452")]),
        ("asinh", [(0.5, "0.894427190999915878563669467492510494"), (0.75, "0.8"), (1.25, "0.624695047554424262096411480450908611"), (2.5, "0.371390676354103726293152447692436521")]),
        ("atanh", [(0.25, "1.06666666666666666666666666666666667"), (0.5, "1.33333333333333333333333333333333333"), (0.625, "1.64102564102564102564102564102564103"), (0.75, "2.28571428571428571428571428571428571")]),
        ("acos", [(0.25, "-1.03279555898864450271447077327530656"), (0.5, "-1.15470053837925152901829756100391491"), (0.625, "-1.2810252304406970678660293581414963"), (0.75, "-1.51185789203690890885806614493672024")]),
        ("asin", [(0.25, "1.03279555898864450271447077327530656"), (0.5, "1.15470053837925152901829756100391491"), (0.625, "1.2810252304406970678660293581414963"), (0.75, "1.51185789203690890885806614493672024")]),
        ("atan", [(0.5, "0.8"), (0.75, "0.64"), (1.25, "0.390243902439024390243902439024390244"), (2.5, "0.137931034482758620689655172413793103")]),
        ("sqrt", [(0.5, "0.707106781186547524400844362104849039"), (0.75, "0.577350269189625764509148780501957456"), (1.25, "0.447213595499957939281834733746255247"), (2.5, "0.316227766016837933199889354443271853")]),
        ("cube", [(0.5, "0.75"), (0.75, "1.6875"), (1.25, "4.6875"), (2.5, "18.75")]),
        ("cubeRoot", [(0.5, "0.52913368398939982491723521309076942"), (0.75, "0.403804576184919924198047056961613445"), (1.25, "0.287257958670917829567905808869246733"), (2.5, "0.18096117443966043810120596464529928")]),
    ]

    /// The function by name, in any number system.
    static func apply<S: Scalar>(_ name: String, _ x: S) -> S {
        switch name {
        case "exp": S.exp(x)
        case "expMinusOne": S.expMinusOne(x)
        case "cosh": S.cosh(x)
        case "sinh": S.sinh(x)
        case "tanh": S.tanh(x)
        case "cos": S.cos(x)
        case "sin": S.sin(x)
        case "tan": S.tan(x)
        case "log": S.log(x)
        case "logOnePlus": S.log(onePlus: x)
        case "acosh": S.acosh(x)
        case "asinh": S.asinh(x)
        case "atanh": S.atanh(x)
        case "acos": S.acos(x)
        case "asin": S.asin(x)
        case "atan": S.atan(x)
        case "sqrt": S.sqrt(x)
        case "cube": S.pow(x, 3)
        case "cubeRoot": S.root(x, 3)
        default: preconditionFailure("no function \(name)")
        }
    }

    /// The worst distance, in ulps of T, of forward AD's f′ from the truth over every case; and
    /// whether reverse AD gave the same bits (one rule, applied once, seeded with 1: the two modes
    /// must agree exactly).
    static func check<T: WorkingFloat>(_ type: T.Type) -> (worst: Double, compared: Int, disagreements: [String]) {
        var worst = 0.0, compared = 0, disagreements: [String] = []
        for (name, points) in cases {
            for (x, derivative) in points {
                let x = T(x)
                let forward = apply(name, Dual(x, tangent: 1)).tangent
                let reverse = Tape<T>().derivative(at: x, of: { apply(name, $0) })
                worst = max(worst, ulps(forward, from: derivative))
                if forward != reverse { disagreements.append("\(name)′(\(x)): forward \(forward), reverse \(reverse)") }
                compared += 1
            }
        }
        return (worst, compared, disagreements)
    }

    /// A rule is the library's f and at most one or two more roundings (1 − tanh², 1/(1 + x²)):
    /// within 2 ulps of the correctly rounded f′ at these points, in every precision.
    static let toleranceUlps = 2.0

    static var caseCount: Int { cases.map(\.1.count).reduce(0, +) }

    /// One check per working precision this machine has.
    @Test(arguments: Precision.available)
    func rulesIn(_ precision: Precision) {
        let result = switch precision {
        case .float16: Self.check(Float16.self)
        case .float: Self.check(Float.self)
        case .double: Self.check(Double.self)
        case .float80:
            #if arch(x86_64) || arch(i386)
            Self.check(Float80.self)
            #else
            preconditionFailure("float80 is not available on this machine")
            #endif
        }
        #expect(result.worst <= Self.toleranceUlps, "\(precision): worst \(result.worst) ulps")
        #expect(result.compared == Self.caseCount)
        #expect(result.disagreements.isEmpty, "\(result.disagreements)")
    }
}
