import ErrSweep
import Testing

@Suite struct BigFloatTests {
    /// e to 60 digits (OEIS A001113).
    @Test func exponentialOfOneAt256Bits() {
        let e = BigFloat.exp(BigFloat(1.0, precision: 256))
        #expect(e.decimal(digits: 60) == "2.71828182845904523536028747135266249775724709369995957496697")
    }

    /// π = 4·atan(1) to 50 digits (OEIS A000796).
    @Test func piFromArctangent() {
        let pi = 4 * BigFloat.atan(BigFloat(1.0, precision: 200))
        #expect(pi.decimal(digits: 50) == "3.1415926535897932384626433832795028841971693993751")
    }

    @Test func precisionIsTheLargerOperands() {
        let a = BigFloat(1.0, precision: 100), b = BigFloat(3.0, precision: 300)
        #expect((a / b).precision == 300)
        #expect((a + 1).precision == 100)
    }

    @Test func exactSumKeepsEveryBit() {
        let one = BigFloat(1.0)
        let tiny = BigFloat(0x1p-300)
        let sum = BigFloat.exactSum(one, tiny)
        #expect(sum - one == tiny)
        #expect(sum.precision >= 301)
        // Rounded to 53 bits the tiny part is lost, which is what exactSum avoids.
        #expect(one + tiny == one)
    }

    @Test func exactProduct() {
        let a = BigFloat(1 + 0x1p-52), b = BigFloat(1 - 0x1p-53)
        #expect(BigFloat.exactProduct(a, b) == BigFloat.exactSum(BigFloat.exactSum(1, BigFloat(0x1p-52 - 0x1p-53)), BigFloat(-0x1p-105)))
    }

    @Test func decimalParsing() {
        #expect(BigFloat(decimal: "0.1", precision: 53)?.doubleValue == 0.1)
        #expect(BigFloat(decimal: "abc", precision: 53) == nil)
    }

    @Test func comparisonsFollowIEEE() {
        let nan = BigFloat.log(BigFloat(-1.0))
        #expect(nan.isNaN)
        #expect(nan != nan)
        #expect(BigFloat(1.0) < BigFloat(2.0))
        #expect(BigFloat(-0.0) == BigFloat(0.0))
        #expect((1 / BigFloat(0.0)).isInfinite)
    }

    @Test func roundingToFloat16TiesToEven() {
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties go to the even significand, 1.
        #expect(Float16(nearest: BigFloat(1 + 0x1p-11)) == 1)
        // 1 + 3·2^-11 is halfway between 1 + 2^-10 and 1 + 2^-9: even is 1 + 2^-9.
        #expect(Float16(nearest: BigFloat(1 + 0x1.8p-10)) == 1 + 0x1p-9)
        // Just above the first midpoint rounds up.
        #expect(Float16(nearest: BigFloat.exactSum(BigFloat(1 + 0x1p-11), BigFloat(0x1p-80))) == 1 + 0x1p-10)
        // Subnormal: 2^-25 is half the smallest Float16 subnormal 2^-24, a tie to even zero.
        #expect(Float16(nearest: BigFloat(0x1p-25)) == 0)
        #expect(Float16(nearest: BigFloat(0x1.8p-25)) == Float16.leastNonzeroMagnitude)
    }

    @Test func integerPowersAndRoots() {
        #expect(BigFloat.pow(BigFloat(3.0), 4) == 81)
        #expect(BigFloat.root(BigFloat(27.0), 3) == 3)
        #expect(BigFloat.pow(BigFloat(2.0), -3) == BigFloat(0.125))
    }
}
