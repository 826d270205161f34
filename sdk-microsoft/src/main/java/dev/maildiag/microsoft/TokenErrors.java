package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.TokenError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the text alone cannot say about a Microsoft token error: codes that came only in the token
 * check's {@code error_codes} evidence ({@link TokenError#FACT}), read with the same table as any text
 * ({@link MicrosoftSignatures}), and a "not found" tenant or resource while the settings mix clouds.
 */
public final class TokenErrors implements Interpreter {
  private static final MicrosoftSignatures TABLE = new MicrosoftSignatures();

  @Override
  public List<Candidate> interpret(Observation o) {
    if (o.stage() != Stage.OAUTH || (o.provider() != null && !o.provider().equals(MicrosoftDiagnostics.ID))) {
      return List.of();
    }
    List<Candidate> out = new ArrayList<>();
    String text = o.text().toLowerCase(Locale.ROOT);
    o.facts().get(TokenError.FACT).ifPresent(e -> {
      for (String code : e.codes()) {
        if (!text.contains("aadsts" + code)) {
          out.addAll(TABLE.interpret(Observation.ofText("AADSTS" + code).withProvider(MicrosoftDiagnostics.ID)));
        }
      }
    });
    List<Candidate> all = new ArrayList<>(out);
    all.addAll(TABLE.interpret(o));
    if (all.stream().anyMatch(c -> c.rootCause().equals(RootCause.TENANT_NOT_FOUND)) || text.contains("aadsts500011")) {
      crossCloud(o.context()).ifPresent(out::add);
    }
    return out;
  }

  /** A tenant or resource that is "not found" is often one that lives in another cloud. */
  private static Optional<Candidate> crossCloud(DiagnosticContext c) {
    if (c == null) {
      return Optional.empty();
    }
    Optional<MicrosoftCloud> declared = MicrosoftClouds.byId(c.oauth().cloud());
    Optional<MicrosoftCloud> authority = MicrosoftClouds.byAuthority(MicrosoftClouds.hostOf(c.oauth().tokenEndpoint()));
    Optional<MicrosoftCloud> resource = c.oauth().scopes().stream().map(MicrosoftClouds::byResource).flatMap(Optional::stream).findFirst();
    boolean mixed = declared.isPresent() && authority.isPresent() && !MicrosoftClouds.sameFamily(declared.get(), authority.get())
        || authority.isPresent() && resource.isPresent() && !MicrosoftClouds.sameFamily(authority.get(), resource.get());
    return mixed
        ? Optional.of(new Candidate(RootCause.CLOUD_MISMATCH, 0.8, "The tenant or resource was not found while the settings mix clouds"))
        : Optional.empty();
  }
}
