import Foundation
import Testing

/// `errsweep hessian`: every method's Hessian against the symbolic one, and refused input.
@Suite struct HessianCommandTests {
    @Test func printsEveryMethodAgainstTheTruth() throws {
        let result = try Binary.run(["hessian", "--fn", "sqrt(p + p + q)/3 + ln(p*(p*q)) + 3", "--at", "p=1.5,q=2"], in: try Binary.scratchDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        for method in ["exact", "hyper-dual", "forward-over-reverse", "complex step of forward AD",
                       "differences of reverse-AD gradients", "second differences of f"] {
            #expect(result.stdout.contains("  \(method) "), "\(method)")
        }
        // The exact ∂²f/∂p∂q, −(2p+q)^(−3/2)/6 at p = 1.5, q = 2 (mpmath).
        #expect(result.stdout.contains("-0.014907119849998597"))
    }

    @Test func refusesBadInput() throws {
        try Binary.expectUsageError(["hessian", "--fn", "p*q", "--at", "p=1"], mentioning: "no value for q")
        try Binary.expectUsageError(["hessian", "--fn", "3", "--at", "p=1"], mentioning: "has no variables")
        try Binary.expectUsageError(["hessian", "--fn", "p*(q", "--at", "p=1,q=2"], mentioning: "expected")
    }
}
