import ErrSweep

/// The explorer's one page: two tabs (a sweep; black-box estimates and a landscape), each a form
/// and empty places the script fills from the answer. Static,
/// with no value in it: what the user typed reaches the page only through the script, as text.
/// Its script and style are files of their own (`ExplorerScript`, `ExplorerStyle`), so the
/// Content-Security-Policy can forbid inline code.
public enum ExplorerPage {
    /// A field of a form: its name in the query, its label, the help shown beside it, and its
    /// default.
    typealias Field = (name: String, label: String, help: String, value: String)

    /// The sweep's form.
    static let sweepFields: [Field] = [
        ("fn", "function", "a catalog name (\(Catalog.names.joined(separator: ", "))) or an expression in x", "sigmoid"),
        ("x", "points", "comma-separated, at most \(ExplorerQuery.maximumPoints); empty for the function's own", ""),
        ("h", "steps h", "a log range A...B or a list A,B,C", StepGrid.standardText),
        ("per-decade", "per decade", "steps per decade of a range, 1 to 100", "10"),
        ("method", "methods", "all, or a list: \(DerivativeMethod.allCases.map(\.rawValue).joined(separator: ", "))", "all"),
        ("precision", "precision", "all, or a list: \(Precision.available.map(\.rawValue).joined(separator: ", "))", "double"),
        ("derivative", "derivative", "the order K of f⁽ᴷ⁾, 1 to \(DerivativeMethod.highestDerivative)", "1"),
    ]

    /// The estimate and landscape form; its fields' ids start with `l-`, its query's names do not.
    static let landscapeFields: [Field] = [
        ("fn", "function", "a catalog name or an expression in x", "sigmoid"),
        ("x", "estimate at", "points, comma-separated, at most \(ExplorerQuery.maximumPoints); empty for the function's own", ""),
        ("algorithm", "algorithms", "all, or a list: \(DerivativeEstimator.allCases.map(\.rawValue).joined(separator: ", "))", "all"),
        ("precision", "precision", "one of \(Precision.available.map(\.rawValue).joined(separator: ", "))", "double"),
        ("range", "map over x", "a range A...B, or a list of points", "-10...10"),
        ("x-count", "points in it", "2 to \(LandscapeQuery.maximumXCount)", "101"),
        ("method", "method", "one of \(DerivativeMethod.all(derivative: 1).map(\.rawValue).joined(separator: ", "))", "forward"),
        ("h", "steps h", "a log range A...B or a list A,B,C", StepGrid.standardText),
        ("per-decade", "per decade", "steps per decade of a range, 1 to 100", "10"),
    ]

    static func inputs(_ fields: [Field], idPrefix: String) -> String {
        fields.map { field in
            let id = idPrefix + field.name
            return """
                      <div class="field">
                        <label for="\(id)">\(field.label)</label>
                        <input id="\(id)" name="\(field.name)" value="\(SVGChart.escape(field.value))" autocomplete="off" spellcheck="false">
                        <span class="help">\(SVGChart.escape(field.help))</span>
                        <span class="problem" id="problem-\(id)" role="alert"></span>
                      </div>
                """
        }.joined(separator: "\n")
    }

    /// The page's HTML.
    public static let html: String = {
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>errsweep explorer</title>
          <link rel="stylesheet" href="/explorer.css">
          <script src="/explorer.js" defer></script>
        </head>
        <body>
          <header>
            <h1>errsweep explorer</h1>
            <p>How wrong is each way of computing a derivative? Every method against the exact derivative, proved in Arb balls; the error split into truncation and rounding.</p>
            <nav class="tabs" role="tablist">
              <a id="tab-sweep" role="tab" href="/" aria-selected="true">sweep: every method's V</a>
              <a id="tab-landscape" role="tab" href="/?tab=landscape" aria-selected="false">black-box estimate and landscape</a>
            </nav>
          </header>
          <main>
            <section id="sweep-tab" role="tabpanel" aria-labelledby="tab-sweep">
              <form id="query" action="/" method="get">
        \(inputs(sweepFields, idPrefix: ""))
                <button type="submit" id="run">sweep</button>
              </form>
              <p id="status" role="status"></p>
              <section id="answer" hidden>
                <h2 id="formula"></h2>
                <p class="command">reproduce: <code id="command"></code></p>
                <p class="links"><a id="permalink" href="/">permalink</a> · downloads: <a id="csv" href="/">CSV</a> · <a id="png" href="/">PNG</a> · <a id="markdown" href="/">Markdown report</a></p>
                <div id="readout" class="readout" aria-live="polite">hover a point to read it off</div>
                <div id="charts"></div>
                <h2>Summary</h2>
                <div id="tables"></div>
                <h2>Reading</h2>
                <div id="reading"></div>
                <h2>Recommendation</h2>
                <ul id="recommendation"></ul>
              </section>
            </section>
            <section id="landscape-tab" role="tabpanel" aria-labelledby="tab-landscape" hidden>
              <p class="intro">f′ from f's values alone, by each black-box algorithm, with the error bound it claims, judged against the proved truth; and one method's error over every point and step at once.</p>
              <form id="landscape-query" action="/" method="get">
        \(inputs(landscapeFields, idPrefix: "l-"))
                <button type="submit" id="l-run">estimate and map</button>
              </form>
              <p id="l-status" role="status"></p>
              <section id="l-answer" hidden>
                <h2 id="l-formula"></h2>
                <p class="command">reproduce: <code id="l-estimate-command"></code><br><code id="l-landscape-command"></code></p>
                <p class="links"><a id="l-permalink" href="/">permalink</a> · downloads: <a id="l-estimate-csv" href="/">estimates CSV</a> · <a id="l-landscape-csv" href="/">landscape CSV</a> · <a id="l-landscape-png" href="/">landscape PNG</a></p>
                <h2>Estimates</h2>
                <div id="l-estimates"></div>
                <p id="l-reading"></p>
                <div id="l-readout" class="readout" aria-live="polite">hover a point or a cell to read it off</div>
                <div id="l-bounds"></div>
                <div id="l-landscape"></div>
              </section>
            </section>
          </main>
        </body>
        </html>
        """
    }()
}
