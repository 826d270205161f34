package dev.maildiag.api.internal.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class PhraseIndexTest {
  private final PhraseIndex index = new PhraseIndex(List.of("aadsts50011", "aadsts500113", "5.7.3", "throttl*", "[auth]", "*exception"));

  @Test
  void phrasesCountOnlyAsWholeTokens() {
    assertWholeTokens(index);
  }

  @Test
  void theAutomatonAnswersAsTheSearchOfTheFirstShortTextsDoes() {
    // a long text makes the index build its automaton at once; the first index searches phrase by phrase
    PhraseIndex built = new PhraseIndex(List.of("aadsts50011", "aadsts500113", "5.7.3", "throttl*", "[auth]", "*exception"));
    built.find("x".repeat(5000));
    assertWholeTokens(built);
  }

  @Test
  void searchAndAutomatonFindTheSamePhrasesInRandomTexts() {
    Random random = new Random(16);
    for (int round = 0; round < 200; round++) {
      List<String> phrases = new ArrayList<>();
      for (int p = 0; p < 1 + random.nextInt(12); p++) {
        String word = randomText(random, 1 + random.nextInt(5));
        phrases.add((random.nextInt(4) == 0 ? "*" : "") + word + (random.nextInt(4) == 0 ? "*" : ""));
      }
      PhraseIndex searching = new PhraseIndex(phrases);
      PhraseIndex automaton = new PhraseIndex(phrases);
      automaton.find("y".repeat(5000));
      for (int t = 0; t < 10; t++) {
        String text = randomText(random, random.nextInt(40));
        assertThat(searching.find(text)).as("%s in '%s'", phrases, text).isEqualTo(automaton.find(text));
      }
    }
  }

  // few letters, digits and separators, so that phrases overlap, repeat and touch word boundaries often
  private static String randomText(Random random, int length) {
    String alphabet = "ab1 .-_";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static void assertWholeTokens(PhraseIndex index) {
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
