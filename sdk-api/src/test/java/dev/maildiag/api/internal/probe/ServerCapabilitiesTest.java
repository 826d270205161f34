package dev.maildiag.api.internal.probe;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ServerCapabilitiesTest {
  @Test
  void recognisesXoauth2InEachProtocolsSpelling() {
    assertThat(new ServerCapabilities("", List.of("IMAP4rev1", "AUTH=XOAUTH2")).offersXoauth2()).isTrue();
    assertThat(new ServerCapabilities("", List.of("SASL PLAIN XOAUTH2")).offersXoauth2()).isTrue();
    assertThat(new ServerCapabilities("", List.of("AUTH LOGIN XOAUTH2 PLAIN")).offersXoauth2()).isTrue();
    assertThat(new ServerCapabilities("", List.of("AUTH=LOGIN XOAUTH2")).offersXoauth2()).isTrue();
  }

  @Test
  void doesNotMistakeSimilarWords() {
    assertThat(new ServerCapabilities("", List.of("AUTH=XOAUTH", "X-XOAUTH2-LIKE", "AUTH PLAIN")).offersXoauth2()).isFalse();
    assertThat(new ServerCapabilities("", List.of("XOAUTH2")).offersXoauth2()).isFalse();
  }
}
