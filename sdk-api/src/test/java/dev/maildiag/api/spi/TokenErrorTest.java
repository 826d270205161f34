package dev.maildiag.api.spi;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TokenErrorTest {
  @Test
  void keepsErrorCodesThatNimbusDrops() {
    TokenError e = TokenError.parse(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000222: The provided client secret keys for app 'x' are expired.\\r\\nTrace ID: t\",\"error_codes\":[7000222],\"trace_id\":\"t\",\"correlation_id\":\"c\"}");

    assertThat(e.codes()).isEqualTo(List.of("7000222"));
    assertThat(e.description()).contains("\r\nTrace ID: t").contains("'x'");
    assertThat(e.ids()).containsEntry("trace_id", "t").containsEntry("correlation_id", "c");
    assertThat(e.text()).startsWith("invalid_client: AADSTS7000222: The provided client secret keys for app 'x' are expired.");
  }

  @Test
  void nonJsonBodyKeepsItsFirstLine() {
    TokenError e = TokenError.parse(502, "<html>Bad gateway</html>\nmore");

    assertThat(e.error()).isNull();
    assertThat(e.description()).isEqualTo("<html>Bad gateway</html>");
    assertThat(e.text()).isEqualTo("<html>Bad gateway</html>");
  }
}
