package dev.maildiag.api.internal.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenClaimsTest {
  static String jwt(Instant exp) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .audience("https://outlook.office.com").claim("scp", "IMAP.AccessAsUser.All User.Read")
        .claim("upn", "alice@contoso.com").claim("tid", "tenant-1").claim("appid", "client-1")
        .issuer("https://sts.windows.net/tenant-1/").expirationTime(Date.from(exp)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(new byte[32]));
    return jwt.serialize();
  }

  private static CheckContext ctx(String token) {
    return CheckContext.standalone(DiagnosticContext.builder().accessToken(Secret.of(token)).network(NetworkSettings.direct()).build());
  }

  @Test
  void readsClaimsIntoTheFactsAndSaysTheSignatureIsNotVerified() throws Exception {
    CheckContext ctx = ctx(jwt(Instant.now().plusSeconds(3600)));

    Finding f = new AccessTokenClaims().run(ctx);

    assertThat(f.severity()).isEqualTo(Severity.OK);
    TokenClaims c = ctx.facts().get(Facts.TOKEN_CLAIMS).orElseThrow();
    assertThat(c.audience()).isEqualTo("https://outlook.office.com");
    assertThat(c.scopes()).isEqualTo(List.of("IMAP.AccessAsUser.All", "User.Read"));
    assertThat(c.user()).isEqualTo("alice@contoso.com");
    assertThat(c.tenant()).isEqualTo("tenant-1");
    assertThat(f.evidence()).containsEntry("claims source", "jwt (signature not verified)");
    assertThat(f.detail()).contains("without verifying");
  }

  @Test
  void expiredTokenIsAccessTokenExpired() throws Exception {
    Finding f = new AccessTokenClaims().run(ctx(jwt(Instant.now().minusSeconds(7200))));

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.ACCESS_TOKEN_EXPIRED);
  }

  @Test
  void opaqueTokenIsOnlyInformation() {
    CheckContext ctx = ctx("ya29.opaque-google-token");

    Finding f = new AccessTokenClaims().run(ctx);

    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(ctx.facts().has(Facts.TOKEN_CLAIMS)).isFalse();
    assertThat(f.toString()).doesNotContain("ya29");
  }
}
