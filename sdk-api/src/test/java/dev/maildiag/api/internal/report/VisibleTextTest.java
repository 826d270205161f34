package dev.maildiag.api.internal.report;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class VisibleTextTest {
  @Test
  void controlCharactersBecomeVisibleText() {
    assertThat(VisibleText.of("a\u001b[31mb\r\nc\u0000d\u202ee\tf", false)).isEqualTo("a\\u001b[31mb\u240d\u240ac\\u0000d\\u202ee\tf");
    assertThat(VisibleText.of("a\r\nb", true)).isEqualTo("a\u240d\u240a\nb");
  }

  @Test
  void plainTextIsUnchanged() {
    String s = "A1 NO AUTHENTICATE failed. \u00e4\u00f6\u00fc \u2192";
    assertThat(VisibleText.of(s, false)).isSameAs(s);
    assertThat(VisibleText.of(null, true)).isEmpty();
  }
}
