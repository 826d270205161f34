package dev.maildiag.api.internal.explain;

import dev.maildiag.api.RootCause;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarAnalyzerTest {
  @TempDir Path dir;

  @Test
  void aCallbackOnAnotherNodeIsSessionStickiness() throws IOException {
    Path har = dir.resolve("switch.har");
    HarFiles.write(har, "node2", 3, 10, 0);

    HarReport report = HarAnalyzer.analyze(har);

    assertThat(report.oauthFlowFound()).isTrue();
    assertThat(report.authorizeUrl()).isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/authorize");
    assertThat(report.callbackUrl()).isEqualTo("https://jira.example.com/plugins/servlet/oauth2/callback");
    assertThat(report.productHost()).isEqualTo("jira.example.com");
    assertThat(report.startNode()).isEqualTo("node1");
    assertThat(report.callbackNode()).isEqualTo("node2");
    assertThat(report.nodesByHost().get("jira.example.com")).containsExactly("node1", "node2");
    assertThat(report.switches()).singleElement().satisfies(s -> {
      assertThat(s.inOAuthFlow()).isTrue();
      assertThat(s.fromNode()).isEqualTo("node1");
      assertThat(s.toNode()).isEqualTo("node2");
      assertThat(s.url()).isEqualTo("https://jira.example.com/plugins/servlet/oauth2/callback");
    });
    assertThat(report.candidates()).singleElement().satisfies(c -> {
      assertThat(c.rootCause()).isEqualTo(RootCause.SESSION_STICKINESS);
      assertThat(c.reason()).contains("node1").contains("node2");
    });
  }

  @Test
  void aStickyFlowHasNoCandidates() throws IOException {
    Path har = dir.resolve("sticky.har");
    HarFiles.write(har, "node1", 3, 10, 0);

    HarReport report = HarAnalyzer.analyze(har);

    assertThat(report.oauthFlowFound()).isTrue();
    assertThat(report.switches()).isEmpty();
    assertThat(report.candidates()).isEmpty();
    assertThat(report.callbackNode()).isEqualTo("node1");
  }

  @Test
  void nothingSecretReachesTheReport() throws IOException {
    Path har = dir.resolve("switch.har");
    HarFiles.write(har, "node2", 1, 10, 0);

    String everything = HarAnalyzer.analyze(har).toString();

    assertThat(everything).doesNotContain(HarFiles.SECRET).contains("node2");
  }

  @Test
  void routeSuffixesOfSessionCookiesIdentifyNodesWhenNoHeaderDoes() throws IOException {
    String har = """
        {"log":{"entries":[
          {"request":{"method":"GET","url":"https://jira.example.com/a"},"response":{"status":200,
            "headers":[{"name":"Set-Cookie","value":"JSESSIONID=AAAA.jvm1; Path=/"}],"cookies":[]}},
          {"request":{"method":"GET","url":"https://jira.example.com/b"},"response":{"status":200,"headers":[],
            "cookies":[{"name":"JSESSIONID","value":"BBBB.jvm2"}]}}]}}""";

    HarReport report = HarAnalyzer.analyze(new ByteArrayInputStream(har.getBytes(StandardCharsets.UTF_8)));

    assertThat(report.oauthFlowFound()).isFalse();
    assertThat(report.switches()).singleElement().satisfies(s -> assertThat(s.toNode()).isEqualTo("jvm2"));
    assertThat(report.candidates()).singleElement().satisfies(c -> assertThat(c.confidence()).isLessThan(0.9));
    assertThat(report.toString()).doesNotContain("AAAA").doesNotContain("BBBB");
  }

  @Test
  void somethingElseIsNotAHar() {
    assertThatThrownBy(() -> HarAnalyzer.analyze(new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("not a HAR");
    assertThatThrownBy(() -> HarAnalyzer.analyze(new ByteArrayInputStream("{\"log\":{}}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("log.entries");
  }

  /** A HAR several times larger than the heap is streamed: no tree of the file, bodies skipped unread. */
  @Test
  void aHarLargerThanTheHeapIsStreamed() throws Exception {
    Path har = dir.resolve("large.har");
    HarFiles.write(har, "node2", 2_000, 32 * 1024, 48 * 1024 * 1024);
    assertThat(Files.size(har)).isGreaterThan(100L * 1024 * 1024);

    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx24m", "-cp", classpath, LargeHarMain.class.getName(), har.toString()))
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("entries=2005 switches=1 cause=session-stickiness");
  }
}
