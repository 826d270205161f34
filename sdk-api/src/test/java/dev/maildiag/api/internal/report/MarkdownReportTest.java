package dev.maildiag.api.internal.report;

import dev.maildiag.api.Report;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown read as GitHub would: rendered with a GFM renderer, then parsed. */
class MarkdownReportTest {
  private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create());

  private static Document rendered(String markdown) {
    String html = HtmlRenderer.builder().extensions(GFM).build().render(Parser.builder().extensions(GFM).build().parse(markdown));
    return Jsoup.parse(html);
  }

  @Test
  void aServerAnswerWithScriptEscapeSequencesAndLineBreaksIsShownAsTextInOneTableCell() {
    Report report = SampleReports.failing();
    String markdown = MarkdownReport.write(report, SampleReports.CHECKS, "maildiag 9.9.9");
    Document dom = rendered(markdown);

    assertThat(markdown).doesNotContain("\u001b").doesNotContain("\r");
    assertThat(dom.select("script, img, iframe, b, strong:containsOwn(bold), code:containsOwn(tick)")).isEmpty();
    assertThat(dom.select("a[href*=evil]")).isEmpty();
    Element findings = dom.select("table").stream().filter(t -> t.text().contains("oauth.xoauth2")).reduce((a, b) -> b).orElseThrow();
    Element evidence = dom.select("table").last();
    assertThat(evidence.select("tbody tr")).hasSize(2);
    assertThat(evidence.select("tbody tr").first().select("td")).hasSize(2);
    assertThat(evidence.select("tbody tr").first().select("td").get(1).text())
        .isEqualTo(VisibleText.of(SampleReports.HOSTILE, false));
    assertThat(findings.select("tbody tr")).hasSize(report.findings().size());
    findings.select("tbody tr").forEach(row -> assertThat(row.select("td")).hasSize(4));
  }

  @Test
  void pathCausesAndFixesAreThere() {
    String markdown = MarkdownReport.write(SampleReports.failing(), SampleReports.CHECKS, "maildiag 9.9.9");
    Document dom = rendered(markdown);

    Element path = dom.select("table").get(1);
    assertThat(path.select("tbody tr")).hasSize(10);
    assertThat(path.select("tbody tr:has(strong)").text()).contains("XOAUTH2", "breaks here");
    assertThat(dom.select("ol > li").eachText()).anySatisfy(t -> assertThat(t).contains("IMAP or POP is disabled for the mailbox",
        "Check: Get-CASMailbox -Identity <mailbox>", "Enable IMAP | POP"));
    assertThat(dom.select("a[href]").eachAttr("href")).containsExactly("https://learn.microsoft.com/exchange/enable-or-disable-pop3-or-imap4-access");
    assertThat(dom.text()).contains("javascript:alert(1)", "outlook.office365.com", "2026-11-30T17:00:00Z");
  }

  @Test
  void aHealthyReportSaysSo() {
    String markdown = MarkdownReport.write(SampleReports.healthy(), java.util.Map.of(), "maildiag 9.9.9");
    assertThat(markdown).contains("No problem found.").doesNotContain("breaks here");
  }
}
