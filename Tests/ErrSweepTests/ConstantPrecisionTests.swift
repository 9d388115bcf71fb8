import CMultiprecision
import ErrSweep
import Testing

/// π, e and decimal literals enter every MPFR evaluation at that evaluation's precision. Each case
/// multiplies a constant by a large factor inside sin or cos, so a constant carried with 64 bits
/// (what `4·atan(1)` with a 64-bit literal 1 gave) moves the truth by several ulps while both of
/// the truth's precisions agree with each other.
@Suite struct ConstantPrecisionTests {
    /// From scripts/reference-constants.py: mpmath at 60 digits, numerical differentiation of the
    /// expression written with mpmath's own π and e.
    static let amplified: [(formula: String, x: Double, derivative: String)] = [
        ("5.5*cos(theta*(180/pi))", 256.0, "-115.874968140813416819930141942593690761983652"),
        ("radius*cos(192*(180/pi))", 5.5, "0.482047334713848869174547116737323441072996485"),
        ("sin(x*e*10000)", 0.75, "-6772.850580871656917651483627123667711447778"),
        ("sin(1e6*pi*x)", 0.3, "3141592.65358979323846073247394438144161879677"),
        ("sin(1e6*pi*x)", 1.7, "3141592.65358979323843206883391755980294325381"),
        ("cos(x*0.1*1e15)", 2.5, "86410619388054.7202914684986752390990883896664"),
        ("exp(pi*x)/e", 3.25, "31410.766962521474054939187641796432466022897"),
    ]

    @Test(arguments: amplified)
    func truthOfAmplifiedConstantIsCorrectlyRounded(_ c: (formula: String, x: Double, derivative: String)) throws {
        let f = try ExpressionFunction(parsing: c.formula)
        let truth = try Truth<Double>.derivative(of: f, at: c.x).get()
        #expect(truth.rounded == Double(nearest: big(c.derivative)), "\(c.formula) at \(c.x)")
        let float = try Truth<Float>.derivative(of: f, at: Float(c.x)).get()
        if Double(Float(c.x)) == c.x {
            #expect(float.rounded == Float(nearest: big(c.derivative)), "\(c.formula) at \(c.x) in Float")
        }
    }

    @Test func constantsFollowTheLiteralPrecision() {
        // π and e to 200 digits (OEIS A000796, A001113): 664 bits, enough to round to 600.
        let pi = BigFloat(decimal: "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555964462294895493038196", precision: 1200)!
        let e = BigFloat(decimal: "2.71828182845904523536028747135266249775724709369995957496696762772407663035354759457138217852516642742746639193200305992181741359662904357290033429526059563073813232862794349076323382988075319525101901", precision: 1200)!
        for bits in [53, 64, 200, 600] {
            BigFloat.withLiteralPrecision(bits) {
                #expect(BigFloat(constant: .pi).precision == max(bits, 64))
                #expect(BigFloat(constant: .pi) == pi.withPrecision(max(bits, 64)), "π at \(bits) bits: \(BigFloat(constant: .pi).decimal(digits: 30))")
                #expect(BigFloat(constant: .e) == e.withPrecision(max(bits, 64)))
                let tenth = BigFloat(decimalSignificand: 1, exponent: -1)
                #expect(tenth.precision == max(bits, 64))
            }
        }
        // Restored afterwards.
        #expect(BigFloat.literalPrecision == 64)
    }

    /// The literal precision is MPFR's default precision, which is per thread only in a
    /// thread-safe build; parallel evaluations rely on it.
    @Test func mpfrKeepsItsDefaultPrecisionPerThread() {
        #expect(mpfr_buildopt_tls_p() != 0)
    }

    /// Working precisions round π and e to nearest, as a compiler rounds a literal; `Float.pi`
    /// is rounded toward zero and is one ulp below.
    @Test func workingPrecisionsRoundConstantsToNearest() {
        let pi = big("3.14159265358979323846264338327950288419716939937510582097494459")
        let e = big("2.71828182845904523536028747135266249775724709369995957496696763")
        #expect(Float(constant: .pi) == Float(nearest: pi))
        #expect(Float(constant: .pi) == Float.pi.nextUp)
        #expect(Double(constant: .pi) == Double(nearest: pi))
        #expect(Float16(constant: .e) == Float16(nearest: e))
        #expect(Double(constant: .e) == Double(nearest: e))
        #expect(Dual<Double>(constant: .pi).tangent == 0)
    }
}
