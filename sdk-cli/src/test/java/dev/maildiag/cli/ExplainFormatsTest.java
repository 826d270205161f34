package dev.maildiag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** explain in HTML and Markdown: its candidates, and for a log the causes per hour. */
class ExplainFormatsTest {
  /** Two hours of a mail log; one answer carries markup, an ESC sequence and a table pipe. */
  private static final String LOG = String.join("\n",
      "2026-11-30 10:00:01,000 ERROR [mail] A1 NO AUTHENTICATE failed. <script>alert(1)</script> \u001b[31mred\u001b[0m | `x`",
      "2026-11-30 10:30:01,000 ERROR [mail] A1 NO AUTHENTICATE failed.",
      "2026-11-30 11:00:01,000 ERROR [mail] A1 NO AUTHENTICATE failed.",
      "2026-11-30 11:10:01,000 ERROR [mail] java.net.UnknownHostException: imap.example.com", "");

  private static Path log(Path dir) throws Exception {
    return Files.writeString(dir.resolve("mail.log"), LOG, StandardCharsets.UTF_8);
  }

  @Test
  void aLogBecomesAPageWithItsCausesPerHourAsAnInlineChart(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("log.html");
    CliRun run = CliRun.of("explain", "--log", log(dir).toString(), "--format", "html", "--output", page.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    String html = Files.readString(page);
    assertThat(html).doesNotContain("\u001b");
    Document dom = Jsoup.parse(html);
    assertThat(dom.select("script, img, link, [src]")).isEmpty();
    assertThat(dom.select("svg.timeline rect").eachText())
        .containsExactlyInAnyOrder("2026-11-30 10:00: protocol-disabled \u00d7 2", "2026-11-30 11:00: protocol-disabled \u00d7 1",
            "2026-11-30 11:00: dns-failure \u00d7 1");
    assertThat(dom.select("ol.causes > li").eachAttr("data-root-cause")).containsExactlyInAnyOrder("protocol-disabled", "dns-failure");
    assertThat(dom.select("ul.timeline-legend li").eachText()).as("the legend in the causes' order")
        .containsExactlyElementsOf(dom.select("ol.causes > li").eachAttr("data-root-cause"));
    assertThat(dom.select("li[data-root-cause=protocol-disabled] details.evidence pre").eachText())
        .anySatisfy(e -> assertThat(e).contains("<script>alert(1)</script> \\u001b[31mred\\u001b[0m | `x`"));
  }

  @Test
  void aLogInMarkdownHasItsHoursAsATableAndPeerTextEscaped(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("explain", "--log", log(dir).toString(), "--format", "markdown");

    assertThat(run.out()).doesNotContain("\u001b").doesNotContain("<script>")
        .contains("| 2026-11-30 10:00 | protocol-disabled \u00d7 2 |", "| 2026-11-30 11:00 | protocol-disabled \u00d7 1, dns-failure \u00d7 1 |",
            "\\<script\\>alert(1)\\</script\\> \\\\u001b\\[31mred\\\\u001b\\[0m \\| \\`x\\`");
  }

  @Test
  void theJsonOfALogCountsItsHours(@TempDir Path dir) throws Exception {
    JsonNode json = new ObjectMapper().readTree(CliRun.of("explain", "--log", log(dir).toString(), "--format", "json").out());

    assertThat(json.at("/log/perHour/2026-11-30 10/protocol-disabled").asLong()).isEqualTo(2);
    assertThat(json.at("/log/perHour/2026-11-30 11/dns-failure").asLong()).isEqualTo(1);
  }

  @Test
  void anErrorTextInHtmlAndMarkdownRanksItsCausesWithTheirFixes() {
    Document dom = Jsoup.parse(CliRun.of("explain", "--format", "html", "AADSTS7000222: The provided client secret keys are expired.").out());
    assertThat(dom.select("ol.causes > li").first().attr("data-root-cause")).isEqualTo("client-secret-expired");
    assertThat(dom.select("ol.causes > li").first().select("ol.fix > li")).isNotEmpty();
    assertThat(dom.select("svg")).isEmpty();

    String markdown = CliRun.of("explain", "--format", "markdown", "AADSTS7000222: The provided client secret keys are expired.").out();
    assertThat(markdown).contains("1. **", "(client-secret-expired, ", "   1. ");
  }
}
