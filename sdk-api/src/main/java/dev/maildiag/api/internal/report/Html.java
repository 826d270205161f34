package dev.maildiag.api.internal.report;

import dev.maildiag.api.Remediation;
import java.util.List;
import java.util.Locale;

/**
 * The pieces every maildiag HTML page shares: escaping, the self-contained page frame (inline style, a
 * Content-Security-Policy that lets nothing load) and a ranked cause with its fix. Plain escaping helpers
 * rather than a template engine: the pages are small and every value goes through {@link #text}.
 */
public final class Html {
  /** Nothing may load: no script, no style sheet, font or image from anywhere; inline style and data: images only. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private static final String STYLE = """
      :root{--ok:#1a7f37;--ok-bg:#dafbe1;--warn:#9a6700;--warn-bg:#fff8c5;--fail:#cf222e;--fail-bg:#ffebe9;
        --skip:#6e7781;--skip-bg:#f6f8fa;--line:#d0d7de;--ink:#1f2328;--muted:#59636e}
      *{box-sizing:border-box}
      body{margin:0 auto;max-width:1100px;padding:16px 20px 40px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,
        "Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
      h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.2em;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
      h3{font-size:1.05em;margin:16px 0 6px}
      code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
      pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0;background:var(--skip-bg);padding:6px 8px;border-radius:4px}
      a{color:#0969da;overflow-wrap:anywhere}
      .banner{border-radius:8px;padding:12px 16px;margin:12px 0;border:2px solid var(--line)}
      .banner.failed{border-color:var(--fail);background:var(--fail-bg)}.banner.warning{border-color:var(--warn);background:var(--warn-bg)}
      .banner.ok{border-color:var(--ok);background:var(--ok-bg)}
      .banner strong{font-size:1.1em}
      dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
      @media (min-width:800px){dl.meta{grid-template-columns:max-content 1fr max-content 1fr}}
      dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;overflow-wrap:anywhere}
      ol.path{list-style:none;display:flex;flex-wrap:wrap;align-items:stretch;gap:6px 0;padding:0;margin:8px 0}
      ol.path li{display:flex;align-items:center}
      ol.path li+li::before{content:"\\2192";color:var(--muted);padding:0 3px;font-size:1.1em}
      .step{display:block;min-width:62px;border:2px solid;border-radius:8px;padding:5px 6px;font-size:.88em;text-decoration:none;color:var(--ink);
        text-align:center}
      .step .icon{font-weight:bold}.step .name{display:block;font-weight:600}.step .state{display:block;font-size:.8em}
      .ok>.step,.step.ok{border-color:var(--ok);background:var(--ok-bg)}.ok .icon{color:var(--ok)}
      .warning>.step,.step.warning{border-color:var(--warn);background:var(--warn-bg)}.warning .icon{color:var(--warn)}
      .failed>.step,.step.failed{border-color:var(--fail);background:var(--fail-bg)}.failed .icon{color:var(--fail)}
      .skipped>.step,.not-checked>.step{border-color:var(--skip);background:var(--skip-bg);color:var(--muted);border-style:dashed}
      .first-broken>.step{border-width:4px;box-shadow:0 0 0 3px var(--fail-bg),0 0 0 5px var(--fail);transform:scale(1.06)}
      .first-broken .state{font-weight:bold;color:var(--fail)}
      .legend{font-size:.85em;color:var(--muted)}
      ol.causes{padding-left:1.4em}ol.causes>li{margin:0 0 14px}
      .confidence{display:inline-block;width:90px;height:8px;border-radius:4px;background:var(--skip-bg);border:1px solid var(--line);
        vertical-align:middle;overflow:hidden}.confidence span{display:block;height:100%;background:var(--fail)}
      .tag{display:inline-block;border-radius:10px;padding:0 7px;font-size:.8em;border:1px solid var(--line);background:var(--skip-bg)}
      .finding{border-left:5px solid var(--skip);padding:4px 10px;margin:6px 0;background:#fff}
      .finding.ERROR{border-color:var(--fail)}.finding.WARNING{border-color:var(--warn)}.finding.OK,.finding.INFO{border-color:var(--ok)}
      .finding .mark{font-family:ui-monospace,monospace;font-weight:bold}
      .finding.ERROR .mark{color:var(--fail)}.finding.WARNING .mark{color:var(--warn)}.finding.OK .mark{color:var(--ok)}
      .finding.SKIPPED{color:var(--muted)}
      details>summary{cursor:pointer;color:#0969da}
      dl.evidence{margin:4px 0}dl.evidence dt{font-weight:600;margin-top:4px}dl.evidence dd{margin:0}
      table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
      td.mini{white-space:nowrap}.mini span{display:inline-block;width:13px;height:13px;border-radius:3px;margin-right:2px;
        border:1px solid var(--skip);background:var(--skip-bg)}.mini .ok{background:var(--ok);border-color:var(--ok)}
      .mini .warning{background:#d4a72c;border-color:var(--warn)}.mini .failed{background:var(--fail);border-color:var(--fail)}
      .mini .first-broken{outline:2px solid var(--ink)}
      .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle}
      ul.timeline-legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
      svg text{font:11px system-ui,sans-serif;fill:var(--ink)}
      footer{margin-top:32px;font-size:.85em;color:var(--muted)}
      @media (max-width:640px){body{padding:10px;font-size:14px}table.gallery td:nth-child(3),table.gallery th:nth-child(3){display:none}ol.path{flex-direction:column;align-items:stretch}
        ol.path li{flex-direction:column;align-items:stretch}ol.path li+li::before{content:"\\2193";text-align:center;padding:2px 0}
        .step{text-align:left}.step .name,.step .state{display:inline;margin-left:6px}.first-broken>.step{transform:none}
        dl.meta{grid-template-columns:max-content minmax(0,1fr);gap:1px 8px}}
      @media print{@page{margin:14mm}body{max-width:none;padding:0;font-size:10.5pt}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        a{color:inherit}a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em}
        details::details-content{content-visibility:visible;display:block}details>summary{color:inherit}
        .finding,.step,ol.causes>li{break-inside:avoid}h2{break-after:avoid}.first-broken>.step{transform:none}}
      """;

  private Html() {}

  /** HTML-escaped text with control characters made visible; line feeds stay line breaks. */
  public static String text(String s) {
    return escape(VisibleText.of(s, true));
  }

  /** Escapes text for HTML content and quoted attribute values. */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A plain link for an http(s) documentation URL; anything else stays text. */
  public static String link(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://") || lower.startsWith("http://")) || url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      return text(url);
    }
    return "<a href=\"" + escape(url) + "\" rel=\"noreferrer noopener\">" + escape(url) + "</a>";
  }

  /** A whole self-contained page: inline style, no script, nothing loaded from anywhere. */
  public static String page(String title, String generator, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n"
        + "<meta name=\"generator\" content=\"" + text(generator) + "\">\n"
        + "<title>" + text(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body
        + "<footer>Made by " + text(generator) + ". Secrets are never part of a report: this page is rendered from the same "
        + "redacted report as the JSON form. It loads nothing and runs no script.</footer>\n</body>\n</html>\n";
  }

  /**
   * One ranked cause: title, id and confidence, a note (why, or which checks found it), its evidence folded
   * away, the fix's steps in order and its links.
   */
  public static String cause(String id, String title, double confidence, String note, List<String> evidence, Remediation fix) {
    StringBuilder out = new StringBuilder();
    long percent = Math.round(confidence * 100);
    out.append("<li class=\"cause\" data-root-cause=\"").append(escape(id)).append("\">\n<strong>").append(text(title))
        .append("</strong> <code>").append(text(id)).append("</code> <span class=\"confidence\" title=\"confidence\"><span style=\"width:")
        .append(percent).append("%\"></span></span> ").append(percent).append("%\n");
    if (note != null && !note.isBlank()) {
      out.append("<div class=\"why\">").append(text(note)).append("</div>\n");
    }
    if (!evidence.isEmpty()) {
      out.append("<details class=\"evidence\"><summary>Evidence (").append(evidence.size()).append(")</summary>\n");
      evidence.forEach(e -> out.append("<pre>").append(text(e)).append("</pre>\n"));
      out.append("</details>\n");
    }
    if (!fix.steps().isEmpty()) {
      out.append("<div>Fix:</div>\n<ol class=\"fix\">\n");
      fix.steps().forEach(s -> out.append("<li>").append(text(s)).append("</li>\n"));
      out.append("</ol>\n");
    }
    if (!fix.links().isEmpty()) {
      out.append("<div class=\"links\">See ");
      List<String> links = fix.links();
      for (int i = 0; i < links.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(link(links.get(i)));
      }
      out.append("</div>\n");
    }
    return out.append("</li>\n").toString();
  }
}
