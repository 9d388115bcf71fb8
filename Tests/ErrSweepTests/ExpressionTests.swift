import ComplexModule
import ErrSweep
import Foundation
import Testing

@Suite struct ExpressionParserTests {
    func value(_ text: String, x: Double = 0.7) throws -> Double {
        try ExpressionParser.parse(text).evaluate(at: x, variable: "x")
    }

    @Test func precedenceAndAssociativity() throws {
        #expect(try value("1+2*3") == 7)
        #expect(try value("(1+2)*3") == 9)
        #expect(try value("-2^2") == -4)          // -(2^2)
        #expect(try value("2^3^2") == 512)        // 2^(3^2)
        #expect(try value("8/4/2") == 1)          // (8/4)/2
        #expect(try value("1-2-3") == -4)
        #expect(try value("2^-1") == 0.5)
        #expect(try value("-x^2", x: 3) == -9)
        #expect(try value("--x", x: 3) == 3)
        #expect(try ExpressionParser.parse("-x^2") == .negate(.binary(.power, .variable("x"), .integer(2))))
    }

    @Test func numbersInEveryNotation() throws {
        #expect(try value("2") == 2)
        #expect(try value("1.5e-3") == 1.5e-3)
        #expect(try value(".5") == 0.5)
        #expect(try value("1E3") == 1000)
        #expect(try value("2.50") == 2.5)
        #expect(try value("0.1") == 0.1)
        #expect(try value("12345678901234567e-20") == 12345678901234567e-20)
        #expect(try value("  x  +\t1 ") == 1.7)
        #expect(try value("pi") == Double.pi)
        #expect(try value("e") == M_E)
    }

    /// Every function, evaluated in Double, against the C library's own (or its definition).
    @Test func everyFunction() throws {
        let x = 0.7
        let cases: [(String, Double)] = [
            ("exp(x)", exp(x)), ("log(x)", log(x)), ("ln(x)", log(x)), ("log1p(x)", log1p(x)), ("expm1(x)", expm1(x)),
            ("sqrt(x)", sqrt(x)), ("sin(x)", sin(x)), ("cos(x)", cos(x)), ("tan(x)", tan(x)),
            ("asin(x)", asin(x)), ("acos(x)", acos(x)), ("atan(x)", atan(x)), ("sinh(x)", sinh(x)), ("cosh(x)", cosh(x)),
            ("tanh(x)", tanh(x)), ("asinh(x)", asinh(x)), ("acosh(x + 1)", acosh(x + 1)), ("atanh(x)", atanh(x)),
            ("abs(-x)", x), ("sigmoid(x)", 1 / (1 + exp(-x))), ("softplus(x)", log1p(exp(x))),
            ("pow(x, 3)", x * x * x), ("pow(x, 0.5)", pow(x, 0.5)), ("hypot(x, 2)", sqrt(x * x + 4)),
            ("min(x, 2)", x), ("max(x, 2)", 2),
        ]
        #expect(Set(cases.map { $0.0.prefix { $0 != "(" } }).count == MathExpression.Function.allCases.count)
        for (text, expected) in cases {
            let got = try value(text, x: x)
            #expect(abs(got - expected) <= 2 * expected.ulp, "\(text): \(got) vs \(expected)")
        }
        #expect(abs(try value("cbrt(x)", x: x) - cbrt(x)) <= 2 * cbrt(x).ulp)
    }

    @Test(arguments: [
        ("exp(x", 5, "')'"), ("x +", 3, "expected a number"), ("sni(x)", 0, "did you mean 'sin'"),
        ("x $ 2", 2, "unexpected character '$'"), ("sin(x, 2)", 0, "takes 1 argument"), ("2 x", 2, "expected an operator"),
        ("sin + 1", 0, "is a function"), ("(x + 1))", 7, "expected an operator"), ("", 0, "expected a number"),
        ("hypot(x)", 0, "takes 2 arguments"), ("1234567890123456789", 0, "more than 18"),
        ("x + 1e100000", 4, "beyond 1e100000"), ("x*10e99999", 2, "beyond 1e100000"),
        ("x*1e99999999999999999999", 2, "beyond 1e100000"),
        (String(repeating: "(", count: 120) + "x" + String(repeating: ")", count: 120), 100, "nested more than 100"),
        (String(repeating: "-", count: 101) + "x", 100, "nested more than 100"),
        (Array(repeating: "x", count: 1001).joined(separator: "+"), 2000, "too long: 2001 symbols, at most 1999"),
    ])
    func errorsPointAtTheProblem(_ text: String, _ position: Int, _ message: String) {
        do {
            _ = try ExpressionParser.parse(text)
            Issue.record("'\(text)' parsed")
        } catch let failure as ExpressionParser.Failure {
            #expect(failure.position == position, "\(text): at \(failure.position)")
            #expect(failure.message.contains(message), "\(text): \(failure.message)")
            let lines = failure.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3 && lines[2] == "  " + String(repeating: " ", count: position) + "^")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: [
        "exp(x)/sqrt(sin(x)^3+cos(x)^3)", "-x^2 + 2^-3*x", "sqrt(p + p + q)/3 + ln(p*(p*q)) + 3", "(x - 1)/(x + 1) - (2 - x)",
        "2^3^2", "(2^3)^2", "x/(y*z)", "x - (y - z)", "-(x + 1)", "1.5e-3*x", "max(x, -1)", "pow(x, y)^2",
    ])
    func printingAndParsingAgain(_ text: String) throws {
        let tree = try ExpressionParser.parse(text)
        #expect(try ExpressionParser.parse(tree.description) == tree, "\(text) printed as \(tree)")
    }

    /// One tree per value, however the number is spelt — which is what lets a printed tree read
    /// back as itself.
    @Test func numbersHaveOneSpelling() throws {
        for spellings in [["2000", "2e3", "2.000e3", "0.2e4", "20E2"], ["0.5", ".5", "5e-1", "0.50", "50e-2"], ["0", "0.0", "0e7"]] {
            let trees = try Set(spellings.map(ExpressionParser.parse))
            #expect(trees.count == 1, "\(spellings): \(trees)")
        }
        #expect(try ExpressionParser.parse("2e3") == .number(significand: 2, exponent: 3))
    }

    /// Random trees of every node the grammar has: printing and parsing again gives the same tree.
    @Test func printedRandomTreesReadBackAsThemselves() throws {
        var rng = SplitMix(seed: 8)
        let functions = MathExpression.Function.allCases
        let operators: [MathExpression.BinaryOperator] = [.add, .subtract, .multiply, .divide, .power]
        func tree(_ depth: Int) -> MathExpression {
            if depth == 0 || rng.unit() < 0.15 {
                switch Int(rng.unit() * 4) {
                case 0: return .variable(["x", "y", "rate_2"][Int(rng.unit() * 3)])
                case 1: return .constant(rng.unit() < 0.5 ? .pi : .e)
                default:
                    // Canonical significands: no trailing zeros (see `numbersHaveOneSpelling`).
                    var significand = Int(rng.next() % 1_000_000) + 1
                    while significand % 10 == 0 { significand /= 10 }
                    return .number(significand: significand, exponent: Int(rng.next() % 41) - 20)
                }
            }
            switch Int(rng.unit() * 3) {
            case 0: return .negate(tree(depth - 1))
            case 1: return .binary(operators[Int(rng.unit() * 5)], tree(depth - 1), tree(depth - 1))
            default:
                let f = functions[Int(rng.unit() * Double(functions.count))]
                return .call(f, (0..<f.arity).map { _ in tree(depth - 1) })
            }
        }
        for _ in 0..<2000 {
            let original = tree(6)
            #expect(try ExpressionParser.parse(original.description) == original, "\(original)")
        }
    }
}

@Suite struct ExpressionDerivativeTests {
    func derivative(_ text: String, at x: Double) throws -> BigFloat {
        let f = try ExpressionFunction(parsing: text)
        return f.derivative(BigFloat(x, precision: 256))
    }

    /// Squire and Trapp's test function at 1.5, against mpmath's diff at 50 digits.
    @Test func squireTrappFunction() throws {
        let d = try derivative("exp(x)/sqrt(sin(x)^3+cos(x)^3)", at: 1.5)
        #expect(relativeDifference(d, big("4.053427893898620657714187925608000714383")) < 1e-38)
    }

    /// x³·atan x − cbrt(x)·log1p x at 0.7, against mpmath.
    @Test func mixedFunctions() throws {
        let d = try derivative("x^3*atan(x) - cbrt(x)*log1p(x)", at: 0.7)
        #expect(relativeDifference(d, big("0.3813163490084456527922400654284457741781")) < 1e-38)
    }

    /// The notes' expression: both partials, against mpmath.
    @Test func partialsOfTheNotesExpression() throws {
        let e = try ExpressionParser.parse("sqrt(p + p + q)/3 + ln(p*(p*q)) + 3")
        let point: (String) -> BigFloat = { $0 == "p" ? BigFloat(1.5, precision: 256) : BigFloat(2.0, precision: 256) }
        #expect(relativeDifference(e.derivative(withRespectTo: "p").evaluate(point), big("1.482404531833319313093944911248751749029")) < 1e-38)
        #expect(relativeDifference(e.derivative(withRespectTo: "q").evaluate(point), big("0.574535599249992989880305788957709207848")) < 1e-38)
    }

    /// Closed forms: the derivative tree itself, simplified.
    @Test func simplifiedForms() throws {
        #expect(try ExpressionParser.parse("x^3").derivative(withRespectTo: "x").description == "3*x^2")
        #expect(try ExpressionParser.parse("5*x + 7").derivative(withRespectTo: "x").description == "5")
        #expect(try ExpressionParser.parse("sin(x)").derivative(withRespectTo: "x").description == "cos(x)")
        #expect(try ExpressionParser.parse("y*2").derivative(withRespectTo: "x").description == "0")
    }

    /// abs, min, max differentiate as the side the evaluation takes.
    @Test func piecewise() throws {
        #expect(try derivative("abs(x)", at: -2).doubleValue == -1)
        #expect(try derivative("abs(x)", at: 2).doubleValue == 1)
        #expect(try derivative("min(x^2, 1)", at: 0.5).doubleValue == 1)
        #expect(try derivative("max(x^2, 1)", at: 0.5).doubleValue == 0)
    }

    /// The complex step through an integer power at negative x: x^3 at −2 must give 12. Through
    /// exp(3·log z) the principal log would still work here, but swift-numerics' pow(z, n) loses
    /// the imaginary part at Re z < 0; repeated multiplication does not.
    @Test func complexStepThroughIntegerPowerAtNegativeX() throws {
        let f = try ExpressionFunction(parsing: "x^3")
        let d = ComplexStep.derivative(of: { f($0) }, at: -2.0, step: 1e-20)
        #expect(d == 12)
    }

    /// Random expressions at random points: forward and reverse AD in Double agree with the
    /// symbolic derivative evaluated in MPFR (rounded to Double) within a few ulps.
    ///
    /// That promise holds only where the derivative is well-conditioned — AD's error is the
    /// working precision's rounding magnified by the condition of each step, as for any
    /// evaluation. So the generator keeps every step's condition number small on [0.25, 2]: sums
    /// and products of positive terms, division by constants only (d(a/b) subtracts), increasing
    /// functions whose derivative's relative sensitivity is at most 2 (atan, log1p, √(1+a²), a^n
    /// for n ≤ 4), and exp and σ only of atan(·), whose value is below π/2. (An unrestricted
    /// generator finds, rightly, 700 ulps for σ′ at u ≈ 23 and for x/(1+x²) near x = 1.)
    @Test func automaticAgreesWithSymbolic() throws {
        var rng = SplitMix(seed: 20261122)
        var worst = 0.0, compared = 0
        for _ in 0..<300 {
            let e = Self.randomExpression(depth: 4, &rng)
            let f = ExpressionFunction(e, variable: "x")
            let x = 0.25 + 1.75 * rng.unit()
            let exact = Double(nearest: f.derivative(BigFloat(x, precision: 300)))
            guard exact.isFinite, exact != 0 else { continue }
            let forward = AutomaticDerivative.forward(of: { f($0) }, at: x)
            let reverse = AutomaticDerivative.reverse(of: { f($0) }, at: x)
            let error = max(forward.ulpDistance(to: exact), reverse.ulpDistance(to: exact))
            worst = max(worst, error)
            #expect(error <= 16, "\(e) at \(x): forward \(forward), reverse \(reverse), exact \(exact)")
            compared += 1
        }
        // Most of the 300 draws have a finite, nonzero derivative at their point (228 do).
        #expect(compared >= 200, "\(compared) of 300 compared")
        #expect(worst > 0)  // the comparison is not vacuous
    }

    static func randomExpression(depth: Int, _ rng: inout SplitMix) -> MathExpression {
        if depth == 0 || rng.unit() < 0.2 {
            return rng.unit() < 0.7 ? .variable("x") : .integer(Int(rng.unit() * 5) + 1)
        }
        let a = randomExpression(depth: depth - 1, &rng)
        switch Int(rng.unit() * 9) {
        case 0: return .binary(.add, a, randomExpression(depth: depth - 1, &rng))
        case 1: return .binary(.multiply, a, randomExpression(depth: depth - 1, &rng))
        case 2: return .binary(.divide, a, .integer(Int(rng.unit() * 5) + 2))
        case 3: return .call(.exp, [.call(.atan, [a])])
        case 4: return .call(.sqrt, [.binary(.add, .integer(1), .binary(.power, a, .integer(2)))])
        case 5: return .call(.sigmoid, [.call(.atan, [a])])
        case 6: return .call(.log1p, [a])
        case 7: return .call(.atan, [a])
        default: return .binary(.power, a, .integer(Int(rng.unit() * 3) + 2))
        }
    }
}
