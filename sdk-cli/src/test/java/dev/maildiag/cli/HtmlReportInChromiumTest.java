package dev.maildiag.cli;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Report;
import dev.maildiag.api.internal.report.Html;
import dev.maildiag.api.internal.report.HtmlReport;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report of a failing and a healthy simulated scenario, loaded in headless Chromium: the DOM marks the
 * first failed step and holds every finding, nothing on the page points outside it, the browser logs no console
 * message (a blocked request or a script error would be one), and the screenshots show the colours. The
 * screenshots in docs/ are copies of {@code target/chromium/*.png}.
 */
class HtmlReportInChromiumTest {
  private static final Path WORK = Path.of("target", "chromium");
  private static final int RED = 0xcf222e;
  private static Chromium chromium;

  @BeforeAll
  static void chromiumIsInstalled() throws Exception {
    var binary = Chromium.find();
    if (binary.isEmpty()) {
      System.out.println("HtmlReportInChromiumTest skipped: chromium is not installed (apt-get install chromium, or set MAILDIAG_CHROMIUM)");
    }
    assumeTrue(binary.isPresent(), "chromium is not installed (apt-get install chromium, or set MAILDIAG_CHROMIUM)");
    chromium = new Chromium(binary.get(), Files.createDirectories(WORK).toAbsolutePath());
  }

  private static Path render(String provider, String failureMode, Report[] reportOut) throws Exception {
    Scenario scenario = Scenarios.all().stream().filter(s -> s.provider().equals(provider) && s.failureMode().equals(failureMode))
        .findFirst().orElseThrow();
    try (Simulation simulation = scenario.start()) {
      Report report = simulation.maildiag().diagnose(simulation.context());
      Map<String, CheckInfo> checks = Output.checks(simulation.maildiag(), simulation.context());
      reportOut[0] = report;
      Path page = WORK.resolve("report-" + failureMode + ".html").toAbsolutePath();
      Files.writeString(page, HtmlReport.write(report, checks, Output.generator()), StandardCharsets.UTF_8);
      return page;
    }
  }

  @Test
  void aFailingReportMarksTheBrokenStepShowsEveryFindingAndLoadsNothing() throws Exception {
    Report[] report = new Report[1];
    Path page = render("microsoft", "protocol-disabled", report);

    Chromium.Loaded loaded = chromium.load(page);
    assertThat(loaded.console()).as("console messages (errors, blocked requests)").isEmpty();
    Document dom = Jsoup.parse(loaded.dom());
    assertThat(dom.select("ol.path > li.first-broken").eachAttr("data-step")).containsExactly("xoauth2");
    assertThat(dom.select("ol.path > li.first-broken").text()).contains("breaks here");
    assertThat(dom.select("ol.path > li[data-status=failed]")).hasSize(1);
    for (Finding f : report[0].findings()) {
      Element shown = dom.selectFirst("[data-check-id=" + f.checkId() + "]");
      assertThat(shown).as(f.checkId()).isNotNull();
      assertThat(shown.attr("data-severity")).isEqualTo(f.severity().name());
      f.evidence().keySet().forEach(name -> assertThat(shown.select("details.evidence dt").eachText()).contains(name));
    }
    assertThat(dom.select("ol.causes > li").first().attr("data-root-cause")).isEqualTo("protocol-disabled");
    loadsNothingFromOutside(dom);

    Path png = WORK.resolve("report-failing.png").toAbsolutePath();
    chromium.screenshot(page, png, 1100, 1400);
    assertThat(pixels(png, RED)).as("red pixels of the failed step and the banner").isGreaterThan(500);
    Path phone = WORK.resolve("report-failing-phone.png").toAbsolutePath();
    chromium.screenshot(page, phone, 390, 844);
    assertThat(ImageIO.read(phone.toFile()).getWidth()).isEqualTo(390);
    Path pdf = WORK.resolve("report-failing.pdf").toAbsolutePath();
    chromium.pdf(page, pdf);
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
  }

  @Test
  void aHealthyReportIsAllGreen() throws Exception {
    Report[] report = new Report[1];
    Path page = render("microsoft", "healthy", report);

    Chromium.Loaded loaded = chromium.load(page);
    assertThat(loaded.console()).as("console messages (errors, blocked requests)").isEmpty();
    Document dom = Jsoup.parse(loaded.dom());
    assertThat(dom.select(".first-broken")).isEmpty();
    assertThat(dom.select("ol.path > li").eachAttr("data-status")).doesNotContain("failed", "warning").contains("ok");
    assertThat(dom.select("[data-check-id]")).hasSize(report[0].findings().size());
    loadsNothingFromOutside(dom);

    Path png = WORK.resolve("report-healthy.png").toAbsolutePath();
    chromium.screenshot(page, png, 1100, 1000);
    assertThat(pixels(png, RED)).as("no red on a healthy report").isZero();
    assertThat(pixels(png, 0x1a7f37)).as("green steps").isGreaterThan(200);
  }

  /** The detector itself: a page that loads an image from elsewhere and throws gets console messages. */
  @Test
  void aPageThatReachesOutIsCaught() throws Exception {
    Path page = WORK.resolve("reaches-out.html").toAbsolutePath();
    Files.writeString(page, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
        + Html.CONTENT_SECURITY_POLICY + "\"></head><body><img src=\"https://example.com/x.png\"><p>x</p></body></html>");
    assertThat(chromium.load(page).console()).anySatisfy(line -> assertThat(line).contains("example.com"));
  }

  private static void loadsNothingFromOutside(Document dom) {
    assertThat(dom.select("meta[http-equiv=Content-Security-Policy]").attr("content")).isEqualTo(Html.CONTENT_SECURITY_POLICY);
    assertThat(dom.select("script, link, iframe, object, embed, img, [src], [srcset]")).isEmpty();
    assertThat(dom.select("style").html()).doesNotContain("url(").doesNotContain("@import");
    for (Element e : dom.select("[href]")) {
      String href = e.attr("href");
      if (!href.startsWith("#")) {
        assertThat(e.tagName()).as("only plain links leave the page, when followed: " + href).isEqualTo("a");
        assertThat(href).startsWith("https://");
      }
    }
  }

  private static long pixels(Path png, int rgb) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
