package dev.maildiag.api.internal.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.JsonTrees;
import dev.maildiag.api.internal.net.HttpClients;
import dev.maildiag.api.internal.oauth.AccessTokenGrant;
import dev.maildiag.api.internal.oauth.OkHttpSender;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.api.spi.TokenError;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One sign-in in progress: what the flows share (the context, the interpreters, the HTTP client, the
 * scopes asked) and how its steps become findings. A step that fails ends the sign-in; the steps after it
 * are SKIPPED with the reason, so the report always shows the same three sign-in checks.
 */
public final class SignInRun {

  final SignIn signIn;
  final DiagnosticContext context;
  final CheckContext checks;
  final SignIn.Administrator admin;
  private final OkHttpSender sender;

  private SignInRun(SignIn signIn, DiagnosticContext context, Explainer explainer) {
    this.signIn = signIn;
    this.context = context;
    this.checks = new CheckContext(context, new Facts(), explainer);
    this.admin = signIn.administrator();
    this.sender = new OkHttpSender(HttpClients.forContext(context));
  }

  /** Runs the sign-in's flow; a refusal or an unreachable endpoint is a finding, never an exception. */
  public static SignIn.Outcome perform(SignIn signIn, DiagnosticContext context, Explainer explainer) {
    SignInRun run = new SignInRun(signIn, context, explainer);
    try {
      return signIn.flow() == SignIn.Flow.DEVICE ? new DeviceCodeFlow(run).run() : new AuthorizationCodeFlow(run).run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return run.failed(SignIn.REQUEST_CHECK, Finding.skipped("The sign-in was interrupted").build());
    }
  }

  OkHttpSender sender() {
    return sender;
  }

  /** The configured scopes and those the provider adds to learn who signed in, without repeats. */
  Scope scope() {
    Set<String> all = new LinkedHashSet<>(context.oauth().scopes());
    context.attribute(SignIn.IDENTITY_SCOPES).ifPresent(s -> all.addAll(List.of(s.trim().split("\\s+"))));
    all.remove("");
    return new Scope(all.toArray(new String[0]));
  }

  /** What is missing for any sign-in: a client id, a token endpoint and scopes. Null when nothing is. */
  Finding missingSettings(String... more) {
    List<String> missing = new ArrayList<>();
    if (context.oauth().clientId() == null) {
      missing.add("client id (--client-id)");
    }
    if (context.oauth().tokenEndpoint() == null) {
      missing.add("token endpoint (--token-endpoint, or a provider and tenant to derive it from)");
    }
    if (context.oauth().scopes().isEmpty()) {
      missing.add("scopes (--scopes)");
    }
    for (String m : more) {
      if (m != null) {
        missing.add(m);
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    return Finding.error("Cannot sign in (" + signIn.flow().label() + "): missing " + String.join("; ", missing))
        .rootCause(RootCause.INVALID_CONFIGURATION, 0.9)
        .step("Provide the missing settings as flags or in the --config properties file.")
        .evidence("missing", String.join(", ", missing))
        .build();
  }

  /** Sends a token request (code redemption or a device-code poll) and reads the answer. */
  TokenAnswer send(TokenRequest request) throws IOException {
    HTTPResponse http = (HTTPResponse) request.toHTTPRequest().send(sender);
    try {
      return new TokenAnswer(http, TokenResponse.parse(http));
    } catch (ParseException e) {
      return new TokenAnswer(http, null);
    }
  }

  /**
   * A token request sent for the tokens step: the answer, or the outcome that ends the sign-in when no answer came
   * or it was no OAuth answer at all.
   */
  record Sent(TokenAnswer answer, SignIn.Outcome ended) {}

  Sent send(Finding request, URI tokenEndpoint, TokenRequest tokenRequest) {
    try {
      TokenAnswer answer = send(tokenRequest);
      return answer.parsed() != null ? new Sent(answer, null)
          : new Sent(answer, failed(List.of(request), SignIn.TOKENS_CHECK, AccessTokenGrant.notATokenResponse(tokenEndpoint, answer.http())));
    } catch (IOException e) {
      return new Sent(null, failed(List.of(request), SignIn.TOKENS_CHECK, AccessTokenGrant.unreachable(checks, "token endpoint", tokenEndpoint, e)));
    }
  }

  /** An error the identity platform answered, interpreted by every provider. */
  Finding.Builder refused(String what, String endpointName, URI endpoint, TokenError error) {
    return AccessTokenGrant.refused(checks, what, endpointName, endpoint, error);
  }

  /** A text the administrator saw (a sign-in page's error), interpreted by every provider. */
  Finding pageError(String what, String text) {
    List<Candidate> candidates = checks.interpret(checks.observe(text, Stage.OAUTH));
    return Finding.error(what)
        .candidates(candidates)
        .detail(candidates.isEmpty()
            ? "maildiag does not recognise this text; search for it in the provider's documentation."
            : candidates.get(0).reason())
        .evidence("page says", Texts.cap(text, 600))
        .build();
  }

  /** The outcome of a sign-in that ended at a failed step: the later steps are skipped, naming it. */
  SignIn.Outcome failed(String atCheck, Finding finding) {
    return failed(List.of(), atCheck, finding);
  }

  /** @param before the findings of the steps that succeeded, in step order */
  SignIn.Outcome failed(List<Finding> before, String atCheck, Finding finding) {
    List<String> steps = List.of(SignIn.REQUEST_CHECK, SignIn.TOKENS_CHECK, SignIn.ACCOUNT_CHECK);
    List<Finding> all = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      all.add(before.get(i).stamped(steps.get(i), java.time.Duration.ZERO));
    }
    all.add(finding.stamped(atCheck, java.time.Duration.ZERO));
    for (String id : steps.subList(steps.indexOf(atCheck) + 1, steps.size())) {
      all.add(Finding.skipped("Skipped because " + atCheck + " did not succeed").build().stamped(id, java.time.Duration.ZERO));
    }
    return new SignIn.Outcome(signIn.flow(), null, null, null, all);
  }

  /** The outcome of a sign-in whose tokens were issued: the request and token findings, and who signed in. */
  SignIn.Outcome issued(Finding request, TokenAnswer answer, String how) {
    Tokens tokens = answer.parsed().toSuccessResponse().getTokens();
    Secret access = Secret.of(tokens.getAccessToken().getValue());
    Secret refresh = tokens.getRefreshToken() == null ? null : Secret.of(tokens.getRefreshToken().getValue());
    Secret idToken = Secret.ofNullable(answer.field("id_token"));
    Finding.Builder issuedFinding = Finding.ok("The administrator signed in (" + how + ") and the token endpoint issued "
            + (refresh == null ? "an access token (no refresh token: is offline_access asked?)" : "an access and a refresh token"))
        .detail("The tokens stay in memory for the checks below; they are never shown.");
    saveRefreshToken(refresh, issuedFinding);
    Finding issued = issuedFinding
        .evidence("flow", signIn.flow().label())
        .evidence("granted scope", tokens.getAccessToken().getScope())
        .evidence("expires in (s)", tokens.getAccessToken().getLifetime() > 0 ? tokens.getAccessToken().getLifetime() : null)
        .evidence("refresh token issued", refresh != null)
        .evidence("ID token issued", idToken != null)
        .build();
    SignedInAccount account = SignedInAccount.of(idToken, access);
    List<Finding> all = List.of(request.stamped(SignIn.REQUEST_CHECK, java.time.Duration.ZERO),
        issued.stamped(SignIn.TOKENS_CHECK, java.time.Duration.ZERO),
        account.judge(context).stamped(SignIn.ACCOUNT_CHECK, java.time.Duration.ZERO));
    return new SignIn.Outcome(signIn.flow(), access, refresh, account.name(), all);
  }

  /** Saves the refresh token when the administrator asked for it, saying where (never what) in the finding. */
  private void saveRefreshToken(Secret refresh, Finding.Builder finding) {
    signIn.refreshTokenFile().ifPresent(file -> {
      if (refresh == null) {
        finding.evidence("refresh token saved", "no: none was issued");
        return;
      }
      try {
        RefreshTokenFile.save(refresh, file);
        finding.evidence("refresh token saved to", file.toAbsolutePath() + " (readable by its owner only)");
      } catch (IOException | RuntimeException e) {
        finding.evidence("refresh token saved", "no: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
      }
    });
  }

  /**
   * A token endpoint's answer: Nimbus' reading and the raw HTTP answer (for the error body and the ID token).
   *
   * @param parsed null when the body is no OAuth answer
   */
  record TokenAnswer(HTTPResponse http, TokenResponse parsed) {
    boolean success() {
      return parsed != null && parsed.indicatesSuccess();
    }

    TokenError error() {
      return TokenError.parse(http.getStatusCode(), http.getBody());
    }

    /** A string member of the JSON body, or null. */
    String field(String name) {
      try {
        JsonNode json = JsonTrees.read(http.getBody() == null ? "" : http.getBody());
        return json != null && json.path(name).isTextual() ? json.get(name).asText() : null;
      } catch (IOException e) {
        return null;
      }
    }
  }
}
