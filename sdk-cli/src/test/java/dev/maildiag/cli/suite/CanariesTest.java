package dev.maildiag.cli.suite;

import dev.maildiag.api.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The secrecy suite's detector finds a secret in every form a careless line would print it, and says where without it. */
class CanariesTest {
  private final Canaries canaries = new Canaries(List.of(Secret.of("tok+en/with=odd chars")), "a@example.com");

  @Test
  void findsTheSecretAsIsUrlEncodedBase64AndInsideAnXoauth2Payload() {
    String xoauth2 = Base64.getEncoder().encodeToString("user=a@example.com\u0001auth=Bearer tok+en/with=odd chars\u0001\u0001"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(canaries.leaksIn("log", "sent tok+en/with=odd chars")).hasSize(1);
    assertThat(canaries.leaksIn("log", "refresh_token=tok%2Ben%2Fwith%3Dodd+chars")).hasSize(1);
    assertThat(canaries.leaksIn("log", "C: A1 AUTHENTICATE XOAUTH2 " + xoauth2)).hasSize(1).allMatch(l -> l.contains("XOAUTH2"));
    assertThat(canaries.leaksIn("log", "nothing here")).isEmpty();
  }

  @Test
  void findsAnyWholeJwtAndNeverQuotesTheSecret() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sifQ.c2ln";
    assertThat(canaries.leaksIn("report", "token " + jwt)).singleElement().asString().contains("JWT").doesNotContain(jwt);
    assertThat(canaries.leaksIn("report", "sent tok+en/with=odd chars")).singleElement().asString().doesNotContain("odd chars");
  }
}
