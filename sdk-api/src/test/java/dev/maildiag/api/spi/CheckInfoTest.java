package dev.maildiag.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maildiag.api.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckInfoTest {
  @Test
  void idsAreLowerCaseWordsJoinedByDotsOrHyphens() {
    for (String id : List.of("x", "acme.polling-interval", "network.tcp", "a1.b-2.c3")) {
      assertThat(CheckInfo.of(id, Stage.CONFIG, "t").id()).isEqualTo(id);
    }
    for (String id : List.of("", ".a", "a.", "a..b", "a.-b", "A.b", "a_b", "a b", "a.b\n", "ä")) {
      assertThatThrownBy(() -> CheckInfo.of(id, Stage.CONFIG, "t")).as("'%s'", id)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case words");
    }
  }
}
