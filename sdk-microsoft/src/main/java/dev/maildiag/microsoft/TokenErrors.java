package dev.maildiag.microsoft;

import dev.maildiag.api.Candidate;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Interpreter;
import dev.maildiag.api.Observation;
import dev.maildiag.api.RootCauses;
import dev.maildiag.api.Stage;
import dev.maildiag.api.oauth.TokenError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies Microsoft identity platform errors by their {@code AADSTS} codes ({@link AadstsCodes}),
 * taking the codes from the token check's evidence ({@link TokenError#FACT}) as well as from the text,
 * and using the context where a code alone is not enough (a tenant "not found" that lives in another cloud).
 */
public final class TokenErrors implements Interpreter {
  @Override
  public List<Candidate> interpret(Observation o) {
    if (o.stage() != null && o.stage() != Stage.OAUTH) {
      return List.of();
    }
    Set<String> codes = new LinkedHashSet<>(AadstsCodes.in(o.text()));
    if (o.stage() == Stage.OAUTH) {
      o.facts().get(TokenError.FACT).ifPresent(e -> codes.addAll(e.codes()));
    }
    List<Candidate> out = new ArrayList<>();
    for (String code : codes) {
      Optional<AadstsCodes.Code> known = AadstsCodes.find(code);
      if (known.isEmpty()) {
        continue;
      }
      AadstsCodes.Code k = known.get();
      out.add(new Candidate(k.rootCause(), k.confidence(), "AADSTS" + code + ": " + k.meaning()));
      crossCloud(o.context(), k).ifPresent(out::add);
    }
    String t = o.text().toLowerCase(Locale.ROOT);
    if (out.isEmpty() && t.contains("cross cloud")) {
      out.add(new Candidate(RootCauses.CLOUD_MISMATCH, 0.85, "The identity platform refused a request across clouds"));
    }
    return out;
  }

  /** A tenant or resource that is "not found" is often one that lives in another cloud. */
  private static Optional<Candidate> crossCloud(DiagnosticContext c, AadstsCodes.Code code) {
    if (c == null || !(code.rootCause().equals(RootCauses.TENANT_NOT_FOUND) || code.code().equals("500011"))) {
      return Optional.empty();
    }
    Optional<MicrosoftCloud> declared = MicrosoftClouds.byId(c.oauth().cloud());
    Optional<MicrosoftCloud> authority = MicrosoftClouds.byAuthority(MicrosoftClouds.hostOf(c.oauth().tokenEndpoint()));
    Optional<MicrosoftCloud> resource = c.oauth().scopes().stream().map(MicrosoftClouds::byResource).flatMap(Optional::stream).findFirst();
    boolean mixed = declared.isPresent() && authority.isPresent() && !MicrosoftClouds.sameFamily(declared.get(), authority.get())
        || authority.isPresent() && resource.isPresent() && !MicrosoftClouds.sameFamily(authority.get(), resource.get());
    return mixed
        ? Optional.of(new Candidate(RootCauses.CLOUD_MISMATCH, 0.8, "AADSTS" + code.code() + " while the settings mix clouds"))
        : Optional.of(new Candidate(RootCauses.CLOUD_MISMATCH, 0.3, "AADSTS" + code.code() + ": the tenant or resource may live in another cloud"));
  }
}
