package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.time.Duration;
import java.time.Instant;

/** The client secret's expiry date, when the caller knows it, has not passed and is not near. */
public final class ClientSecretExpiry implements Check {
  public static final String ID = "microsoft.client-secret-expiry";
  /** Warn this long before the secret expires. */
  public static final Duration NEAR = Duration.ofDays(30);

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Client secret has not expired").finds(RootCause.CLIENT_SECRET_EXPIRED);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.oauth().clientSecretExpiresAt() != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    Instant expiry = c.oauth().clientSecretExpiresAt();
    Duration left = Duration.between(Instant.now(), expiry);
    Finding.Builder f;
    if (left.isNegative() || left.isZero()) {
      f = Finding.error("The client secret expired on " + expiry).rootCause(RootCause.CLIENT_SECRET_EXPIRED, 0.97);
    } else if (left.compareTo(NEAR) < 0) {
      f = Finding.warning("The client secret expires in " + Math.max(1, left.toDays()) + " days (" + expiry + ")")
          .rootCause(RootCause.CLIENT_SECRET_EXPIRED, 0.4);
    } else {
      return Finding.ok("The client secret is valid until " + expiry).evidence("expires", expiry).build();
    }
    return f.remediation(MicrosoftFixes.of(RootCause.CLIENT_SECRET_EXPIRED, c)).evidence("expires", expiry).build();
  }
}
