package dev.maildiag.api.internal.explain;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class CapabilityListsTest {
  private static List<String> ranked(String trace) {
    return new CapabilityLists().interpret(Observation.ofText(trace)).stream().map(Candidate::rootCause).toList();
  }

  @Test
  void mechanismsWithoutOAuthMeanXoauth2IsNotOffered() {
    assertThat(ranked("S: * CAPABILITY IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN AUTH=LOGIN ID ENABLE IDLE\nS: A1 OK")).first()
        .isEqualTo(RootCause.XOAUTH2_NOT_OFFERED);
    assertThat(ranked("250-smtp.example.com Hello\n250-SIZE 35882577\n250-AUTH LOGIN PLAIN\n250 ENHANCEDSTATUSCODES")).first()
        .isEqualTo(RootCause.XOAUTH2_NOT_OFFERED);
  }

  @Test
  void starttlsWithoutMechanismsMeansLoginOnlyAfterTls() {
    assertThat(ranked("* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED")).first()
        .isEqualTo(RootCause.TLS_MODE_MISMATCH);
    assertThat(ranked("DEBUG SMTP: 250-SIZE 157286400\n250-PIPELINING\n250-STARTTLS\n250 SMTPUTF8")).first()
        .isEqualTo(RootCause.TLS_MODE_MISMATCH);
  }

  @Test
  void aTraceThatOffersOrSendsXoauth2IsLeftToItsAnswer() {
    assertThat(ranked("* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR")).isEmpty();
    assertThat(ranked("The quick brown fox")).isEmpty();
  }
}
