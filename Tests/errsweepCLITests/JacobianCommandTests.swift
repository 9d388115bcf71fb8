import Foundation
import Testing

/// `errsweep jacobian` and `errsweep cost --outputs`, end to end.
@Suite struct JacobianCommandTests {
    /// The list at p = 1, q = 2: J = [[2, 1], [cos 1, 4], [0, e²]], the exact methods
    /// exact, the structural zero seen.
    @Test func expressionListAtAPoint() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["jacobian", "--fn", "p*q, sin(p) + q^2, exp(q)", "--at", "p=1,q=2"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("n = 2 inputs, k = 3 outputs; 5 of 6 entries structurally nonzero"))
        #expect(result.stdout.contains("0.5403023058681398"))  // cos 1
        #expect(result.stdout.contains("7.38905609893065"))     // e², correctly rounded
        for method in ["forward-ad ", "forward-ad-vector ", "reverse-ad ", "sparse-reverse-ad "] {
            let line = result.stdout.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(method) }
            #expect(line?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "0", "\(String(describing: line))")
        }
        #expect(Binary.files(under: directory).isEmpty)
    }

    /// --save writes every method's every entry and the two spy plots, committed together; the
    /// CSV's exact column holds the proved entries: ∂(p·q)/∂p = q = 2, ∂ exp(q)/∂q = e².
    @Test func saveWritesTheTableAndTheSpyPlots() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["jacobian", "--fn", "p*q, sin(p) + q^2, exp(q)", "--at", "p=1,q=2", "--method", "forward-ad,central", "--save"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Binary.files(under: directory).filter { $0.contains(".") }.sorted() == [
            "Plots/expressions-pattern-columns.png", "Plots/expressions-pattern-rows.png",
            "Reports/data/expressions-jacobian.csv", "Reports/data/expressions-jacobian.files",
        ])
        let lines = try String(contentsOf: directory.appendingPathComponent("Reports/data/expressions-jacobian.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.first == "method,row,column,estimate,exact,ulps,rounding_bound_ulps,claimed_bound")
        #expect(lines.count == 1 + 2 * 5)
        #expect(lines.contains("forward-ad,1,1,2.0,2.0,0.0,0.0,"))
        #expect(lines.contains { $0.hasPrefix("forward-ad,3,2,7.38905609893065,7.38905609893065,0.0,") })
        #expect(lines.contains { $0.hasPrefix("central,3,2,") && !$0.hasPrefix("central,3,2,7.38905609893065,") })
    }

    /// The banded residual at n = 10⁵: the dense methods are skipped with their predicted time,
    /// the sparse ones take three passes.
    @Test func bandedAtAHundredThousand() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["jacobian", "--fn", "broyden", "--inputs", "100000", "--method", "sparse-forward-ad,sparse-reverse-ad,forward-ad"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("299998 of 10000000000 entries structurally nonzero (columns in 3 colours, rows in 3)"))
        #expect(result.stdout.contains("3 dual passes") && result.stdout.contains("1 recording + 3 backward passes"))
        #expect(result.stdout.contains("forward-ad          skipped: 100000 dual passes would take about"))
    }

    /// Outside the domain and at a pole no entry has a truth, and the table says which and why
    /// instead of claiming every entry proved.
    @Test func entriesWithoutATruthAreNamed() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["jacobian", "--fn", "sqrt(p), ln(q)", "--at", "p=-1,q=0"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 of 2 entries proved"))
        #expect(result.stdout.contains("(1, 1): f or f′ is undefined there (NaN)"))
        #expect(result.stdout.contains("(2, 2): f or f′ is infinite there: a singularity"))
        #expect(!result.stdout.contains("every entry enclosed"))
        #expect(!result.stdout.contains("ill-conditioned"))
    }

    @Test(arguments: [
        (["jacobian", "--fn", "dense-layr"], "or a catalog function: dense-layer, broyden"),
        (["jacobian", "--fn", "p*q)"], "neither a vector function (dense-layer"),
        (["jacobian", "--fn", "p*q, q"], "--at is required"),
        (["jacobian", "--fn", "p*q", "--at", "p=1"], "no value for q"),
        (["jacobian", "--fn", "dense-layer", "--inputs", "0"], "valid: 1 to 1000000"),
        (["jacobian", "--fn", "broyden", "--outputs", "3"], "applies to dense-layer only"),
        (["jacobian", "--fn", "dense-layer", "--inputs", "3", "--at", "1,2"], "is not 3 finite numbers"),
        (["jacobian", "--fn", "p, q", "--at", "p=1,q=2", "--method", "sideways"], "valid: forward, backward"),
        (["jacobian", "--fn", "2, 3", "--at", "p=1"], "has no variables"),
        (["cost", "--outputs", "0...10"], "size '0' is not > 0"),
        (["cost", "--outputs", "1...5000"], "every size must be 1 to 4096"),
        (["cost", "--outputs", "4", "--fn", "network"], "valid: --fn dense-layer"),
    ])
    func badInput(_ arguments: [String], _ message: String) throws {
        try Binary.expectUsageError(arguments, mentioning: message)
    }

    /// A small crossover run writes its table, report and both charts, and names the break-even.
    @Test func crossoverRunWritesItsFiles() throws {
        let directory = try Binary.scratchDirectory()
        let result = try Binary.run(["cost", "--outputs", "1,64", "--n", "2,256", "--budget", "1s"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let files = Binary.files(under: directory)
        for file in ["Reports/data/jacobian-cost.csv", "Reports/jacobian-cost.md", "Plots/jacobian-cost-time.png", "Plots/jacobian-cost-crossover.png"] {
            #expect(files.contains(file), "\(files)")
        }
        let csv = try String(contentsOf: directory.appendingPathComponent("Reports/data/jacobian-cost.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 4 * 2 * 2)
        #expect(result.stdout.contains("break-even n measured"))
    }
}
