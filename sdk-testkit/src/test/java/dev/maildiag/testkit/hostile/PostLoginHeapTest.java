package dev.maildiag.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile peers after the greeting and the login, where Angus Mail reads: each diagnosis runs in a JVM of
 * its own with a fixed heap ({@value #XMX}), and its heap growth is measured there, not assumed: it must stay
 * within {@value #MAX_GROWTH_MB} MB of the baseline while the peer sends up to 200 MB, end as a finding (the
 * byte budget's, never "failed unexpectedly" or an OutOfMemoryError), and the JVM must exit normally.
 */
class PostLoginHeapTest {
  static final String XMX = "-Xmx160m";
  static final long MAX_GROWTH_MB = 64;
  private static final Pattern MEASURED = Pattern.compile("baseline=(\\d+) peak=(\\d+) millis=(\\d+) verdict=(\\w+)");

  @ParameterizedTest
  @EnumSource(PostLoginPeer.Mode.class)
  void aHostilePeerAfterLoginCostsABoundedHeap(PostLoginPeer.Mode mode) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, XMX, "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName(), mode.name())
        .redirectErrorStream(true).start();
    boolean ended = p.waitFor(90, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("%s: the probe JVM ended%n%s", mode, output).isTrue();
    assertThat(p.exitValue()).as("%s: exit code%n%s", mode, output).isZero();
    assertThat(output).as(mode.name()).doesNotContain("OutOfMemoryError").doesNotContain("failed unexpectedly");
    Matcher m = MEASURED.matcher(output);
    assertThat(m.find()).as("%s: measured%n%s", mode, output).isTrue();
    long growthMb = (Long.parseLong(m.group(2)) - Long.parseLong(m.group(1))) / (1024 * 1024);
    System.out.printf("post-login %s: heap growth %d MB under %s, %s ms, verdict %s%n", mode, growthMb, XMX, m.group(3), m.group(4));
    assertThat(growthMb).as("%s: heap growth above the baseline (MB)%n%s", mode, output).isLessThan(MAX_GROWTH_MB);
    assertThat(m.group(4)).as("%s: verdict%n%s", mode, output).isNotEqualTo("OK");
    assertThat(List.of(output.split("\n"))).as("%s: the budget's finding%n%s", mode, output)
        .anyMatch(l -> l.startsWith("finding ") && (l.contains("sent more than maildiag reads") || l.contains("did not finish")
            || l.contains("longer than") || l.contains("Incomplete")));
  }
}
