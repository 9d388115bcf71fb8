import ErrSweep

/// The explorer's one page: the form, and empty places the script fills from the answer. Static,
/// with no value in it: what the user typed reaches the page only through the script, as text.
/// Its script and style are files of their own (`ExplorerScript`, `ExplorerStyle`), so the
/// Content-Security-Policy can forbid inline code.
public enum ExplorerPage {
    /// Field, label, and help shown beside it.
    static let fields: [(name: String, label: String, help: String, value: String)] = [
        ("fn", "function", "a catalog name (\(Catalog.names.joined(separator: ", "))) or an expression in x", "sigmoid"),
        ("x", "points", "comma-separated, at most \(ExplorerQuery.maximumPoints); empty for the function's own", ""),
        ("h", "steps h", "a log range A...B or a list A,B,C", "1e-1...1e-16"),
        ("per-decade", "per decade", "steps per decade of a range, 1 to 100", "10"),
        ("method", "methods", "all, or a list: \(DerivativeMethod.allCases.map(\.rawValue).joined(separator: ", "))", "all"),
        ("precision", "precision", "all, or a list: \(Precision.available.map(\.rawValue).joined(separator: ", "))", "double"),
        ("derivative", "derivative", "the order K of f⁽ᴷ⁾, 1 to \(HigherDerivatives.highestOrder)", "1"),
    ]

    /// The page's HTML.
    public static let html: String = {
        let inputs = fields.map { field in
            """
                  <div class="field">
                    <label for="\(field.name)">\(field.label)</label>
                    <input id="\(field.name)" name="\(field.name)" value="\(SVGChart.escape(field.value))" autocomplete="off" spellcheck="false">
                    <span class="help">\(SVGChart.escape(field.help))</span>
                    <span class="problem" id="problem-\(field.name)" role="alert"></span>
                  </div>
            """
        }.joined(separator: "\n")
        return """
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
              </header>
              <main>
                <form id="query" action="/" method="get">
            \(inputs)
                  <button type="submit" id="run">sweep</button>
                </form>
                <p id="status" role="status"></p>
                <section id="answer" hidden>
                  <h2 id="formula"></h2>
                  <p class="command">reproduce: <code id="command"></code></p>
                  <p class="links"><a id="permalink" href="/">permalink</a> · downloads: <a id="csv" href="/">CSV</a> · <a id="png" href="/">PNG</a> · <a id="markdown" href="/">Markdown report</a></p>
                  <div id="readout" aria-live="polite">hover a point to read it off</div>
                  <div id="charts"></div>
                  <h2>Summary</h2>
                  <div id="tables"></div>
                  <h2>Reading</h2>
                  <div id="reading"></div>
                  <h2>Recommendation</h2>
                  <ul id="recommendation"></ul>
                </section>
              </main>
            </body>
            </html>
            """
    }()
}
