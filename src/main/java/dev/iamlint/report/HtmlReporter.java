package dev.iamlint.report;

import dev.iamlint.model.Credentials;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.rule.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code html} format: one self-contained page (inline CSS and a little script, nothing
 * fetched) with a summary, bar charts of the findings by severity and by rule, the findings
 * grouped by file with the source lines around each, and the documentation of every rule that
 * found something (each rule id links to it). The findings are ordered by severity (files by
 * their most severe finding) or by file and line; severity buttons and a search box filter them,
 * and each file's count follows the filters. Usable by keyboard: every finding is focusable,
 * {@code j}/{@code k} move between them, and the page reads in order (by severity) without
 * script. Deterministic: no timestamps.
 */
public final class HtmlReporter implements Reporter {
  private static final int CONTEXT = 2;

  private final Function<String, Optional<List<String>>> sources;

  /** {@code sources}: the lines of a reported file, when it can be read. */
  public HtmlReporter(Function<String, Optional<List<String>>> sources) {
    this.sources = sources;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    List<Finding> active = report.active();
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    Map<String, Integer> byRule = new TreeMap<>();
    for (Finding f : active) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
      byRule.merge(f.ruleId(), 1, Integer::sum);
    }
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : report.findings()) byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
    // The page's first order, as the script's "severity" order: files by their most severe
    // finding, then by name; in a file, by severity, then line.
    List<Map.Entry<String, List<Finding>>> files = new ArrayList<>(byFile.entrySet());
    files.sort(Comparator.<Map.Entry<String, List<Finding>>>comparingInt(e -> mostSevere(e.getValue()))
        .thenComparing(Map.Entry::getKey));
    Map<String, RuleMetadata> documented = new TreeMap<>();
    for (Finding f : report.findings()) {
      report.rules().stream().filter(r -> r.id().equals(f.ruleId())).findFirst().ifPresent(r -> documented.put(r.id(), r));
    }

    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>iamlint report: ").append(String.valueOf(active.size())).append(" findings</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n")
        .append("<header>\n<h1>iamlint report</h1>\n<p class=\"meta\">iamlint ").append(esc(report.toolVersion()))
        .append(" &middot; ").append(plural(report.files(), "file")).append(" and ").append(plural(report.resources(), "resource"))
        .append(" scanned &middot; <strong>").append(plural(active.size(), "finding")).append("</strong>");
    if (!report.suppressed().isEmpty()) out.append(" &middot; ").append(plural(report.suppressed().size(), "suppressed finding")).append(" shown");
    out.append("</p>\n</header>\n<main>\n");

    summary(out, bySeverity, byRule, report.rules(), documented.keySet(), active.size());
    filters(out, bySeverity);
    if (!report.errors().isEmpty()) {
      out.append("<section class=\"errors\" aria-labelledby=\"errors-h\"><h2 id=\"errors-h\">Files not scanned</h2><ul>\n");
      for (var e : report.errors()) out.append("<li><code>").append(esc(e.file())).append("</code>: ").append(esc(e.message())).append("</li>\n");
      out.append("</ul></section>\n");
    }
    out.append("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings by file</h2>\n")
        .append("<p id=\"shown\" class=\"shown\" aria-live=\"polite\"></p>\n");
    if (byFile.isEmpty()) out.append("<p class=\"none\">No findings.</p>\n");
    int n = 0;
    for (Map.Entry<String, List<Finding>> e : files) {
      Optional<List<String>> lines = sources.apply(e.getKey());
      out.append("<section class=\"file\" data-file=\"").append(esc(e.getKey())).append("\" data-rank=\"")
          .append(String.valueOf(mostSevere(e.getValue()))).append("\">\n<h3><code>").append(esc(e.getKey()))
          .append("</code> <span class=\"count\" data-total=\"").append(String.valueOf(e.getValue().size())).append("\">")
          .append(plural(e.getValue().size(), "finding")).append("</span></h3>\n");
      List<Finding> inFile = e.getValue();
      List<Integer> bySeverityThenLine = new ArrayList<>();
      for (int i = 0; i < inFile.size(); i++) bySeverityThenLine.add(i);
      bySeverityThenLine.sort(Comparator.comparing((Integer i) -> inFile.get(i).severity()).thenComparingInt(i -> i));
      for (int i : bySeverityThenLine) finding(out, inFile.get(i), i, lines, documented.keySet(), report.rules(), ++n);
      out.append("</section>\n");
    }
    out.append("</section>\n");
    ruleDocs(out, documented.values());
    out.append("</main>\n<footer><p>Keys: <kbd>j</kbd> next finding, <kbd>k</kbd> previous finding, "
        + "<kbd>Tab</kbd> moves through findings and filters.</p></footer>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
  }

  /** The ordinal of the most severe finding (0 = critical). */
  private static int mostSevere(List<Finding> findings) {
    return findings.stream().mapToInt(f -> f.severity().ordinal()).min().orElse(Severity.values().length);
  }

  /** A rule id, linked to its documentation further down the page when the page has it. */
  private static String ruleLink(String id, Set<String> documented, String attributes) {
    return documented.contains(id) ? "<a href=\"#rule-" + esc(id) + "\"" + attributes + ">" + esc(id) + "</a>" : esc(id);
  }

  /** Each rule that found something: what it checks, why, and how to fix it. */
  private static void ruleDocs(Appendable out, Collection<RuleMetadata> rules) throws IOException {
    if (rules.isEmpty()) return;
    out.append("<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">Rules</h2>\n");
    for (RuleMetadata r : rules) {
      out.append("<section class=\"rule-doc\" id=\"rule-").append(esc(r.id())).append("\" aria-labelledby=\"rule-")
          .append(esc(r.id())).append("-h\">\n<h3 id=\"rule-").append(esc(r.id())).append("-h\"><span class=\"sev sev-")
          .append(r.severity().label()).append("\">").append(r.severity().label()).append("</span> <span class=\"rule\">")
          .append(esc(r.id())).append("</span> ").append(esc(r.title())).append(" <code class=\"slug\">").append(esc(r.slug()))
          .append("</code></h3>\n<p class=\"doc\">").append(esc(r.description().strip())).append("</p>\n<p class=\"doc\">")
          .append(esc(r.rationale().strip())).append("</p>\n<h4>How to fix</h4>\n<p class=\"doc\">")
          .append(esc(r.remediation().strip())).append("</p>\n</section>\n");
    }
    out.append("</section>\n");
  }

  private static void summary(Appendable out, Map<Severity, Integer> bySeverity, Map<String, Integer> byRule,
      List<RuleMetadata> rules, Set<String> documented, int total) throws IOException {
    out.append("<section class=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<div class=\"charts\">\n");
    out.append("<figure>\n<figcaption>Findings by severity</figcaption>\n<table class=\"chart\">\n<thead><tr><th scope=\"col\">Severity</th>"
        + "<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n");
    int max = Math.max(1, bySeverity.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    for (Severity s : Severity.values()) {
      int count = bySeverity.getOrDefault(s, 0);
      out.append("<tr><th scope=\"row\"><span class=\"sev sev-").append(s.label()).append("\">").append(s.label())
          .append("</span></th><td>").append(bar(count, max, "sev-" + s.label())).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</figure>\n");
    out.append("<figure>\n<figcaption>Findings by rule</figcaption>\n<table class=\"chart\">\n<thead><tr><th scope=\"col\">Rule</th>"
        + "<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n");
    int maxRule = Math.max(1, byRule.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    if (byRule.isEmpty()) out.append("<tr><td colspan=\"2\">No findings.</td></tr>\n");
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(byRule.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Integer> e : ranked) {
      out.append("<tr><th scope=\"row\">")
          .append(ruleLink(e.getKey(), documented, " title=\"" + esc(JUnitReporter.title(rules, e.getKey())) + "\"")).append("</th><td>").append(bar(e.getValue(), maxRule, "rule")).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</figure>\n</div>\n</section>\n");
  }

  private static String bar(int count, int max, String cls) {
    int width = count == 0 ? 0 : Math.max(2, Math.round(85f * count / max));
    return "<span class=\"bar " + cls + "\" style=\"width:" + width + "%\"></span><span class=\"n\">" + count + "</span>";
  }

  private static void filters(Appendable out, Map<Severity, Integer> bySeverity) throws IOException {
    out.append("<nav class=\"filters\" aria-label=\"Filter and order the findings\">\n")
        .append("<label>Search <input type=\"search\" id=\"search\" placeholder=\"rule, file, resource, text\"></label>\n")
        .append("<label>Order <select id=\"order\"><option value=\"severity\" selected>by severity</option>")
        .append("<option value=\"file\">by file</option></select></label>\n<span>Show:</span>\n")
        .append("<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">all</button>\n");
    for (Severity s : Severity.values()) {
      if (!bySeverity.containsKey(s)) continue;
      out.append("<button type=\"button\" data-filter=\"").append(s.label()).append("\" aria-pressed=\"false\">").append(s.label())
          .append(" (").append(String.valueOf(bySeverity.get(s))).append(")</button>\n");
    }
    out.append("</nav>\n");
  }

  /** {@code line}: the finding's place in its file's line order, for the script's "file" order. */
  private static void finding(Appendable out, Finding f, int line, Optional<List<String>> lines, Set<String> documented,
      List<RuleMetadata> rules, int n) throws IOException {
    String sev = f.severity().label();
    out.append("<article class=\"finding").append(f.isSuppressed() ? " suppressed" : "").append("\" tabindex=\"0\" id=\"f")
        .append(String.valueOf(n)).append("\" data-severity=\"").append(sev).append("\" data-rank=\"")
        .append(String.valueOf(f.severity().ordinal())).append("\" data-line=\"").append(String.valueOf(line))
        .append("\" aria-labelledby=\"f").append(String.valueOf(n))
        .append("-h\">\n<h4 id=\"f").append(String.valueOf(n)).append("-h\"><span class=\"sev sev-").append(sev).append("\">")
        .append(sev).append("</span> <span class=\"rule\">").append(ruleLink(f.ruleId(), documented, "")).append("</span> ")
        .append(esc(JUnitReporter.title(rules, f.ruleId()))).append(" <a class=\"loc\" href=\"#f").append(String.valueOf(n)).append("\">")
        .append(esc(f.location().shortForm())).append("</a></h4>\n<p class=\"msg\">").append(esc(f.message())).append("</p>\n")
        .append("<p class=\"res\">in <code>").append(esc(f.resource().address())).append("</code> (").append(esc(f.resource().type()))
        .append(") &middot; fingerprint <code>").append(f.fingerprint()).append("</code></p>\n");
    if (f.suppression().isPresent()) {
      out.append("<p class=\"sup\">Suppressed (").append(f.suppression().get().kind().label()).append("): ")
          .append(esc(f.suppression().get().reason())).append("</p>\n");
    }
    lines.ifPresent(l -> {
      try {
        snippet(out, l, f.location().startLine(), f.location().endLine());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (!f.related().isEmpty()) {
      out.append("<ul class=\"related\">\n");
      for (Related r : f.related()) {
        out.append("<li>").append(esc(r.message())).append(": <code>").append(esc(r.location().shortForm())).append("</code></li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("</article>\n");
  }

  private static void snippet(Appendable out, List<String> lines, int start, int end) throws IOException {
    if (start < 1 || start > lines.size()) return;
    int last = Math.min(lines.size(), Math.min(end, start + 8));
    int from = Math.max(1, start - CONTEXT);
    int to = Math.min(lines.size(), last + CONTEXT);
    out.append("<pre class=\"src\" aria-label=\"source lines ").append(String.valueOf(from)).append(" to ").append(String.valueOf(to))
        .append("\"><code>");
    for (int i = from; i <= to; i++) {
      boolean hit = i >= start && i <= last;
      out.append("<span class=\"line").append(hit ? " hit" : "").append("\"><span class=\"ln\" aria-hidden=\"true\">")
          .append(String.valueOf(i)).append("</span>").append(esc(shortened(Credentials.maskLine(lines.get(i - 1))))).append("</span>");
    }
    out.append("</code></pre>\n");
  }

  /** Characters of a source line shown: a longer line is data (an encoded report, minified JSON), not something to read. */
  static final int MAX_LINE = 160;

  private static String shortened(String line) {
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + " \u2026";
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static final String CSS = """
      :root { --fg:#1b1f24; --muted:#57606a; --bg:#ffffff; --panel:#f6f8fa; --line:#d0d7de; --focus:#0969da;
        --critical:#8b0000; --high:#cf222e; --medium:#bc4c00; --low:#4d6b00; --info:#57606a; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
      header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
      header { padding-top: 16px; border-bottom: 1px solid var(--line); }
      h1 { margin: 8px 0 4px; font-size: 24px; } h2 { font-size: 19px; margin: 24px 0 8px; } h3 { font-size: 16px; margin: 20px 0 8px; }
      .meta { color: var(--muted); margin: 0 0 12px; }
      .skip { position: absolute; left: -9999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 1; }
      :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
      .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; align-items: start; }
      figure { margin: 0; padding: 12px 16px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
      figcaption { font-weight: 600; margin-bottom: 8px; }
      table.chart { width: 100%; border-collapse: collapse; } table.chart thead { position: absolute; left: -9999px; }
      table.chart th { text-align: left; width: 90px; font-weight: normal; padding: 2px 8px 2px 0; }
      table.chart td { padding: 2px 0; white-space: nowrap; }
      .bar { display: inline-block; height: 14px; vertical-align: middle; border-radius: 3px; background: var(--focus); }
      .bar.sev-critical { background: var(--critical); } .bar.sev-high { background: var(--high); } .bar.sev-medium { background: var(--medium); }
      .bar.sev-low { background: var(--low); } .bar.sev-info { background: var(--info); }
      .n { margin-left: 6px; font-variant-numeric: tabular-nums; }
      .sev { display: inline-block; min-width: 64px; text-align: center; border-radius: 10px; padding: 0 8px; font-size: 12px;
        font-weight: 600; color: #fff; text-transform: uppercase; letter-spacing: .03em; }
      .sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
      .sev-low { background: var(--low); } .sev-info { background: var(--info); }
      .filters { margin: 20px 0 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      .filters button { font: inherit; padding: 2px 12px; border: 1px solid var(--line); border-radius: 14px; background: #fff; cursor: pointer; }
      .filters button[aria-pressed="true"] { background: var(--fg); color: #fff; }
      .filters input, .filters select { font: inherit; padding: 2px 8px; border: 1px solid var(--line); border-radius: 6px; }
      .filters input { width: 16em; } .shown { color: var(--muted); margin: 0; min-height: 1.5em; }
      .rule a, table.chart a { color: inherit; } .rule-doc { border-top: 1px solid var(--line); padding: 4px 0 8px; }
      .rule-doc .doc { white-space: pre-line; margin: 6px 0; } .rule-doc h4 { margin: 8px 0 0; font-size: 14px; }
      .slug { color: var(--muted); font-size: 13px; font-weight: normal; }
      .file h3 code { font-size: 15px; } .count { color: var(--muted); font-weight: normal; font-size: 13px; }
      .finding { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: 8px 14px; margin: 10px 0; }
      .finding[data-severity="critical"] { border-left-color: var(--critical); } .finding[data-severity="high"] { border-left-color: var(--high); }
      .finding[data-severity="medium"] { border-left-color: var(--medium); } .finding[data-severity="low"] { border-left-color: var(--low); }
      .finding.suppressed { opacity: .7; border-style: dashed; }
      .finding h4 { margin: 0; font-size: 15px; } .rule { font-family: ui-monospace, monospace; font-weight: 600; }
      .loc { float: right; font-family: ui-monospace, monospace; font-size: 13px; color: var(--muted); }
      .msg { margin: 6px 0; } .res, .sup, .related { color: var(--muted); font-size: 13px; margin: 4px 0; }
      .sup { color: var(--fg); font-style: italic; }
      pre.src { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 6px 0; overflow-x: auto; font-size: 13px; margin: 8px 0; }
      .line { display: block; padding: 0 10px; } .line.hit { background: #fff1c2; }
      .ln { display: inline-block; width: 3.5em; color: var(--muted); user-select: none; text-align: right; margin-right: 12px; }
      footer { color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); margin-top: 24px; padding-bottom: 24px; }
      kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; background: var(--panel); }
      [hidden] { display: none !important; }
      """;

  private static final String SCRIPT = """
      (function () {
        var buttons = document.querySelectorAll('.filters button');
        var search = document.getElementById('search');
        var order = document.getElementById('order');
        var shown = document.getElementById('shown');
        var container = document.getElementById('findings');
        var sections = Array.prototype.slice.call(document.querySelectorAll('section.file'));
        var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
        var severity = 'all';
        // What the search box matches: the heading, message and resource, and the file's name.
        findings.forEach(function (x) {
          var file = x.closest('section.file');
          x.searchText = [x.querySelector('h4').textContent, x.querySelector('.msg').textContent,
            x.querySelector('.res').textContent, file ? file.getAttribute('data-file') : ''].join(' ').toLowerCase();
        });
        function plural(n) { return n + (n === 1 ? ' finding' : ' findings'); }
        function apply() {
          var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
          var total = 0;
          findings.forEach(function (x) {
            x.hidden = (severity !== 'all' && x.getAttribute('data-severity') !== severity)
              || !words.every(function (w) { return x.searchText.indexOf(w) >= 0; });
          });
          sections.forEach(function (s) {
            var all = s.querySelectorAll('.finding').length;
            var visible = s.querySelectorAll('.finding:not([hidden])').length;
            var count = s.querySelector('.count');
            count.textContent = visible === all ? plural(all) : visible + ' of ' + plural(all);
            s.hidden = visible === 0;
            total += visible;
          });
          shown.textContent = severity === 'all' && !words.length ? '' : plural(total) + ' shown of ' + findings.length;
        }
        function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
        function num(x, name) { return Number(x.getAttribute(name)); }
        function reorder() {
          var byFile = order.value === 'file';
          sections.sort(function (a, b) {
            return (byFile ? 0 : num(a, 'data-rank') - num(b, 'data-rank')) || cmp(a.getAttribute('data-file'), b.getAttribute('data-file'));
          });
          sections.forEach(function (s) {
            var list = Array.prototype.slice.call(s.querySelectorAll('.finding'));
            list.sort(function (a, b) {
              return (byFile ? 0 : num(a, 'data-rank') - num(b, 'data-rank')) || num(a, 'data-line') - num(b, 'data-line');
            });
            list.forEach(function (x) { s.appendChild(x); });
            container.appendChild(s);
          });
          findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
        }
        buttons.forEach(function (b) {
          b.addEventListener('click', function () {
            severity = b.getAttribute('data-filter');
            buttons.forEach(function (o) { o.setAttribute('aria-pressed', String(o === b)); });
            apply();
          });
        });
        search.addEventListener('input', apply);
        order.addEventListener('change', reorder);
        document.addEventListener('keydown', function (e) {
          var tag = e.target.tagName;
          if (tag === 'INPUT' || tag === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'j' && e.key !== 'k')) return;
          var visible = findings.filter(function (x) { return !x.hidden && !x.closest('[hidden]'); });
          if (!visible.length) return;
          var i = visible.indexOf(document.activeElement);
          var next = e.key === 'j' ? Math.min(visible.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
          visible[next].focus();
          e.preventDefault();
        });
      })();
      """;
}
