package org.bigdatalab.lab;

/**
 * The report's page frame: one style sheet inlined, a navigation bar between the pages, no script
 * and no external file, so every page works offline from {@code file://}.
 */
final class Html {
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0 2em 2em;color:#222;max-width:1200px}"
      + "nav{padding:.8em 0;border-bottom:1px solid #ddd;margin-bottom:1em}nav a{margin-right:1.2em}"
      + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top;text-align:left}"
      + "th{background:#f4f4f4}td.num{text-align:right;white-space:nowrap}small,.meta{color:#555}"
      + "figure.chart{margin:1em 0}figure.chart svg{max-width:100%;height:auto}"
      + ".passed{background:#d8f0d3}.failed{background:#f6c6c6}.error{background:#f7c99b}.unsupported{background:#e6e6e6;color:#555}"
      + "section.run{border-top:2px solid #ddd;margin-top:2em}code{font-size:.92em}td code{white-space:nowrap}"
      + ".legend span{display:inline-block;padding:1px 8px;margin-right:6px;border:1px solid #ccc}";

  private Html() {}

  static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>" + STYLE
        + "</style></head><body><nav><a href=\"index.html\">Summary</a><a href=\"conformance.html\">Conformance matrix</a>"
        + "<a href=\"capabilities.html\">Capabilities</a><a href=\"bench.html\">Benchmarks</a><a href=\"guide/index.html\">Study guide</a>"
        + "</nav><h1>" + esc(title) + "</h1>" + body + "</body></html>\n";
  }

  /** A chart with the name the browser check looks for. */
  static String figure(String name, String svg) {
    return "<figure class=\"chart\" data-chart=\"" + esc(name) + "\">" + svg + "</figure>";
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
