package dev.maildiag.api.internal.explain;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class StageFallbackTest {
  @Test
  void aTextOfOneStepGetsThatStepsCausesWithLowConfidence() {
    List<Candidate> tls = StageFallback.of("IMAP: the TLS session to the mail server ended with error 0x2f");
    assertThat(tls).first().extracting(Candidate::rootCause).isEqualTo(RootCause.TLS_CERTIFICATE);
    assertThat(tls).allSatisfy(c -> {
      assertThat(c.confidence()).isLessThanOrEqualTo(0.3);
      assertThat(c.reason()).startsWith("Recognised only the stage (the TLS handshake)");
    });
    assertThat(StageFallback.of("Could not get the OAuth access token for the mailbox")).first()
        .extracting(Candidate::rootCause).isEqualTo(RootCause.REFRESH_TOKEN_INVALID);
    assertThat(StageFallback.of("IMAP folder sync stopped with code 77")).first()
        .extracting(Candidate::rootCause).isEqualTo(RootCause.INBOX_FOLDER_MISSING);
    assertThat(StageFallback.of("SMTP login rejected by relay")).first()
        .extracting(Candidate::rootCause).isEqualTo(RootCause.SCOPES);
    assertThat(StageFallback.of("mail host socket closed while waiting")).first()
        .extracting(Candidate::rootCause).isEqualTo(RootCause.NETWORK_BLOCKED);
  }

  @Test
  void aTextWithoutAnyMailOrOAuthSignalGetsNothing() {
    assertThat(StageFallback.of("The quick brown fox jumps over the lazy dog")).isEmpty();
    assertThat(StageFallback.of("connection timed out while loading the dashboard")).isEmpty();
  }

  @Test
  void theExplainerFallsBackOnlyForOfflineTextsNobodyRecognised() {
    Explainer explainer = Explainer.of(List.of(new GenericSignatures()));
    assertThat(explainer.explain(Observation.ofText("IMAP folder sync stopped with code 77"))).isNotEmpty();
    assertThat(explainer.recognise(Observation.ofText("IMAP folder sync stopped with code 77"))).isEmpty();
    assertThat(explainer.explain(Observation.ofText("java.net.UnknownHostException: imap.example.com")))
        .first().extracting(Candidate::rootCause).isEqualTo(RootCause.DNS_FAILURE);
  }
}
