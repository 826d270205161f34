package dev.maildiag.api.internal.explain;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class PhraseIndexTest {
  private final PhraseIndex index = new PhraseIndex(List.of("aadsts50011", "aadsts500113", "5.7.3", "throttl*", "[auth]", "*exception"));

  @Test
  void phrasesCountOnlyAsWholeTokens() {
    assertThat(index.find("aadsts500113: no reply address").stream().boxed().toList()).containsExactly(1);
    assertThat(index.find("aadsts50011: the redirect uri").stream().boxed().toList()).containsExactly(0);
    assertThat(index.find("535 5.7.30 x").isEmpty()).isTrue();
    assertThat(index.find("535 5.7.3 authentication unsuccessful").stream().boxed().toList()).containsExactly(2);
    assertThat(index.find("request is throttled").stream().boxed().toList()).containsExactly(3);
    assertThat(index.find("-err [auth] failed").stream().boxed().toList()).containsExactly(4);
    assertThat(index.find("mailconnectexception").stream().boxed().toList()).containsExactly(5);
  }

  @Test
  void overlappingPhrasesAreAllFound() {
    PhraseIndex overlapping = new PhraseIndex(List.of("connection refused", "refused", "connection"));
    assertThat(overlapping.find("java.net.connectexception: connection refused").cardinality()).isEqualTo(3);
  }
}
