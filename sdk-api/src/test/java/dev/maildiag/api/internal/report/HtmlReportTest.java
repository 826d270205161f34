package dev.maildiag.api.internal.report;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Report;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTML page read as a browser would: parsed into a DOM, not grepped. */
class HtmlReportTest {
  private static final String GENERATOR = "maildiag 9.9.9, Java 17";

  @Test
  void aServerAnswerWithScriptEscapeSequencesAndLineBreaksIsShownAsText() {
    String html = HtmlReport.write(SampleReports.failing(), SampleReports.CHECKS, GENERATOR);
    Document dom = Jsoup.parse(html);

    assertThat(dom.select("script, img, iframe, object, embed, link, base, form")).isEmpty();
    assertThat(html).doesNotContain("\u001b").doesNotContain("\r");
    Element evidence = dom.selectFirst("[data-check-id=oauth.xoauth2] details.evidence");
    assertThat(evidence).isNotNull();
    assertThat(evidence.hasAttr("open")).as("evidence is folded until asked for").isFalse();
    assertThat(evidence.select("dd pre").first().wholeText())
        .contains("<script>alert('x')</script>", "\\u001b[31mRED\\u001b[0m", "\u240d\u240a\n* forged line &amp; <img src=https://evil.example/x.png>");
    assertThat(dom.select("[data-check-id=oauth.xoauth2] .alternatives").text()).contains("no mailbox <b>at all</b>");
  }

  @Test
  void thePageLoadsNothingAndLinksOnlyToDocumentation() {
    Document dom = Jsoup.parse(HtmlReport.write(SampleReports.failing(), SampleReports.CHECKS, GENERATOR));

    assertThat(dom.select("meta[http-equiv=Content-Security-Policy]").attr("content")).isEqualTo(Html.CONTENT_SECURITY_POLICY);
    assertThat(dom.select("[src], [srcset], [background], [poster], [data]")).isEmpty();
    assertThat(dom.select("style").html()).doesNotContain("url(").doesNotContain("@import");
    for (Element e : dom.select("[href]")) {
      String href = e.attr("href");
      assertThat(e.tagName()).as(href).isEqualTo("a");
      assertThat(href).as("an in-page anchor or a documentation link").matches("#step-[a-z0-9-]+|https://learn\\.microsoft\\.com/.*");
    }
    assertThat(dom.select("a[href^=https]")).hasSize(1);
    assertThat(dom.text()).as("a non-http link stays text").contains("javascript:alert(1)");
  }

  @Test
  void thePathMarksTheFirstFailedStepAndEveryFindingIsPresent() {
    Report report = SampleReports.failing();
    Document dom = Jsoup.parse(HtmlReport.write(report, SampleReports.CHECKS, GENERATOR));

    assertThat(dom.select("ol.path > li").eachAttr("data-step")).containsExactly("config", "dns", "tcp", "proxy", "tls", "greeting",
        "sign-in", "xoauth2", "session", "folder");
    assertThat(dom.select("ol.path > li").eachAttr("data-status")).containsExactly("ok", "ok", "ok", "not-checked", "ok", "ok",
        "warning", "failed", "skipped", "skipped");
    assertThat(dom.select("ol.path > li.first-broken").eachAttr("data-step")).containsExactly("xoauth2");
    assertThat(dom.select("ol.path > li.first-broken").text()).contains("XOAUTH2", "breaks here");
    assertThat(dom.select(".banner").text()).contains("The path breaks at XOAUTH2", "IMAP or POP is disabled for the mailbox");
    for (Finding f : report.findings()) {
      assertThat(dom.select("[data-check-id=" + f.checkId() + "]")).as(f.checkId()).hasSize(1);
      assertThat(dom.select("[data-check-id=" + f.checkId() + "] .summary").text()).as(f.checkId())
          .contains(VisibleText.of(f.summary().lines().findFirst().orElseThrow(), false));
    }
    assertThat(dom.select("ol.causes > li").eachAttr("data-root-cause")).containsExactly("protocol-disabled", "no-license");
    assertThat(dom.select("li[data-root-cause=protocol-disabled] ol.fix > li").eachText())
        .containsExactly("Check: Get-CASMailbox -Identity <mailbox>", "Enable IMAP | POP", "Test again");
    assertThat(dom.select("dl.meta").text()).contains("outlook.office365.com", "helpdesk@contoso.com", "2026-11-30T17:00:00Z", "1.2 s", GENERATOR);
  }

  @Test
  void aHealthyReportHasNoBrokenStep() {
    Document dom = Jsoup.parse(HtmlReport.write(SampleReports.healthy(), java.util.Map.of(), GENERATOR));

    assertThat(dom.select(".first-broken")).isEmpty();
    assertThat(dom.select("ol.path > li").eachAttr("data-status")).containsOnly("ok");
    assertThat(dom.select(".banner").attr("data-verdict")).isEqualTo("OK");
    assertThat(dom.select(".banner").text()).contains("No problem found.");
  }
}
