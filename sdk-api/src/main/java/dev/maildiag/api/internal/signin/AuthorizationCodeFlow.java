package dev.maildiag.api.internal.signin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.Finding;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.api.spi.TokenError;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The authorization code flow with PKCE, two ways: {@code browser} (a loopback redirect maildiag listens on)
 * and {@code paste} (the handler's own redirect URI; the administrator pastes the address the browser lands
 * on, and the code is redeemed with the app's secret, as the handler does). Sends {@code login_hint} and
 * {@code prompt=select_account} so that the login is preselected and a cached session of another account is
 * never used without the administrator choosing it.
 */
final class AuthorizationCodeFlow {
  private final SignInRun run;
  private final boolean browser;

  AuthorizationCodeFlow(SignInRun run) {
    this.run = run;
    this.browser = run.signIn.flow() == SignIn.Flow.BROWSER;
  }

  SignIn.Outcome run() throws InterruptedException {
    OAuthClient o = run.context.oauth();
    URI authz = uri(o.authorizationEndpoint());
    URI tokenEndpoint = uri(o.tokenEndpoint());
    Finding missing = run.missingSettings(
        authz == null ? "authorization endpoint (--authorization-endpoint)" : null,
        !browser && uri(o.redirectUri()) == null ? "the handler's redirect URI (--redirect-uri), which the paste sign-in uses" : null);
    if (missing != null) {
      return run.failed(SignIn.REQUEST_CHECK, missing);
    }
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    LoopbackListener listener = null;
    try {
      URI redirect;
      if (browser) {
        Loopback loopback = Loopback.of(o.redirectUri(), run.signIn.loopbackPort());
        listener = LoopbackListener.start(loopback.port(), loopback.path(), state.getValue());
        redirect = loopback.uri(listener.port());
      } else {
        redirect = uri(o.redirectUri());
      }
      URI url = authorizationUrl(o, authz, redirect, state, verifier);
      Optional<Finding> refused = AuthorizationPage.read(run, authz, url, redirect);
      if (refused.isPresent()) {
        return run.failed(SignIn.REQUEST_CHECK, refused.get());
      }
      Finding request = Finding.ok("The sign-in page opens for this app: client id, tenant and redirect URI are accepted")
          .evidence("authorization endpoint", authz)
          .evidence("redirect URI", redirect)
          .evidence("login_hint", run.context.server().login())
          .evidence("prompt", "select_account")
          .build();
      instruct(url, redirect);
      Optional<Map<String, String>> answer = browser ? fromBrowser(listener) : pasted();
      if (answer.isEmpty()) {
        return run.failed(List.of(request), SignIn.TOKENS_CHECK, noAnswer(redirect, listener));
      }
      Map<String, String> params = answer.get();
      if (params.containsKey(PAGE_TEXT)) {
        return run.failed(List.of(request), SignIn.TOKENS_CHECK,
            run.pageError("The sign-in page shows an error instead of returning to " + redirect, params.get(PAGE_TEXT)));
      }
      if (!state.getValue().equals(params.get("state"))) {
        return run.failed(List.of(request), SignIn.TOKENS_CHECK, Finding.error("The pasted address answers another sign-in: its state differs")
            .detail("Each sign-in sends its own random state; an address with another one comes from an older tab or another sign-in,"
                + " and its code must not be redeemed.")
            .step("Start again and paste the address the browser lands on after this sign-in.")
            .evidence("state present", params.containsKey("state"))
            .build());
      }
      if (params.containsKey("error")) {
        return run.failed(List.of(request), SignIn.TOKENS_CHECK,
            run.refused("The identity platform refused the sign-in", "authorization endpoint", authz, errorOf(params)).build());
      }
      String code = params.get("code");
      if (code == null || code.isBlank()) {
        return run.failed(List.of(request), SignIn.TOKENS_CHECK, Finding.error("The answer has neither a code nor an error")
            .detail("The address the browser landed on should carry ?code=... (or ?error=...). Copy the whole address from the address bar.")
            .evidence("parameters", String.join(", ", params.keySet()))
            .build());
      }
      return redeem(request, tokenEndpoint, redirect, new AuthorizationCode(code), verifier);
    } catch (IOException e) {
      return run.failed(SignIn.REQUEST_CHECK, Finding.error("Could not listen for the browser's answer on 127.0.0.1: " + e.getMessage())
          .detail("The browser sign-in needs a free loopback port; the configured redirect URI's port may be in use.")
          .step("Free the port, configure a loopback redirect URI without a port, or use --sign-in paste.")
          .build());
    } finally {
      if (listener != null) {
        listener.close();
      }
    }
  }

  private URI authorizationUrl(OAuthClient o, URI authz, URI redirect, State state, CodeVerifier verifier) {
    AuthorizationRequest.Builder b = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(o.clientId()))
        .endpointURI(authz)
        .redirectionURI(redirect)
        .scope(run.scope())
        .state(state)
        .codeChallenge(verifier, CodeChallengeMethod.S256);
    String login = run.context.server().login();
    if (login != null) {
      b.customParameter("login_hint", login);
    }
    b.customParameter("prompt", "select_account");
    run.context.attribute(SignIn.AUTHORIZATION_PARAMETERS).ifPresent(extra ->
        URLUtils.parseParameters(extra).forEach((name, values) -> b.customParameter(name, values.toArray(new String[0]))));
    return b.build().toURI();
  }

  private void instruct(URI url, URI redirect) {
    String login = run.context.server().login();
    run.admin.tell("Sign in" + (login == null ? "" : " as " + login) + " to authorize the mail handler's app (" + run.signIn.flow().label()
        + " sign-in).");
    if (login != null) {
      run.admin.tell("maildiag asks for " + login + " to be preselected (login_hint) and for the account picker (prompt=select_account):"
          + " a browser already signed in to another account would otherwise authorize that account, and the mail server refuses"
          + " its token for " + login + ".");
    }
    boolean opened = run.admin.openBrowser(url);
    run.admin.tell((opened ? "Your browser was opened at this address; if it did not appear, open it yourself:" : "Open this address in a browser:")
        + System.lineSeparator() + "  " + url);
    if (browser) {
      run.admin.tell("Waiting up to " + Durations.format(run.signIn.timeout()) + " for the browser to return to " + redirect + " ...");
    } else {
      run.admin.tell("After signing in, the browser goes to " + redirect + ". That page may show an error (the sign-in is maildiag's,"
          + " not the product's); copy the whole address from the browser's address bar.");
    }
  }

  /** The listener's answer, or what the administrator pastes meanwhile (an error page's text, or the address). */
  private Optional<Map<String, String>> fromBrowser(LoopbackListener listener) throws InterruptedException {
    long deadline = System.nanoTime() + run.signIn.timeout().toNanos();
    CompletableFuture<Optional<String>> typed = new CompletableFuture<>();
    Thread asker = new Thread(() -> typed.complete(run.admin.ask(
        "If the browser shows an error instead of returning, paste its text here (or just wait):", run.signIn.timeout())),
        "maildiag-sign-in-ask");
    asker.setDaemon(true);
    asker.start();
    try {
      try {
        CompletableFuture.anyOf(listener.answer(), typed).get(run.signIn.timeout().toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        return Optional.empty();
      }
      if (listener.answer().isDone()) {
        return listener.answer().isCompletedExceptionally() ? Optional.empty() : Optional.of(listener.answer().getNow(Map.of()));
      }
      Optional<String> text = typed.getNow(Optional.empty());
      if (text.isPresent() && !text.get().isBlank()) {
        return Optional.of(answerOf(text.get()));
      }
      // nothing typed (input ended): wait for the browser alone
      return listener.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    } finally {
      asker.interrupt();
    }
  }

  private Optional<Map<String, String>> pasted() {
    return run.admin.ask("Paste the address the browser landed on:", run.signIn.timeout()).filter(s -> !s.isBlank()).map(AuthorizationCodeFlow::answerOf);
  }

  /** A parameter standing for a pasted text that is not an address: the sign-in page's error, as the administrator saw it. */
  static final String PAGE_TEXT = "\u0000page";

  /** The parameters of a pasted address, or the pasted text as a page's error. */
  static Map<String, String> answerOf(String pasted) {
    String text = pasted.strip();
    if (text.startsWith("http://") || text.startsWith("https://")) {
      try {
        Map<String, String> params = Query.of(URI.create(text));
        if (params.containsKey("code") || params.containsKey("error") || params.containsKey("state")) {
          return params;
        }
      } catch (IllegalArgumentException notAnAddress) {
        // read it as words below
      }
    }
    return Map.of(PAGE_TEXT, text);
  }

  private SignIn.Outcome redeem(Finding request, URI tokenEndpoint, URI redirect, AuthorizationCode code, CodeVerifier verifier) {
    OAuthClient o = run.context.oauth();
    ClientID clientId = new ClientID(o.clientId());
    AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirect, verifier);
    TokenRequest tokenRequest = o.clientSecret() != null
        ? new TokenRequest.Builder(tokenEndpoint, new ClientSecretPost(clientId, new com.nimbusds.oauth2.sdk.auth.Secret(o.clientSecret().reveal())), grant).build()
        : new TokenRequest.Builder(tokenEndpoint, clientId, grant).build();
    SignInRun.Sent sent = run.send(request, tokenEndpoint, tokenRequest);
    if (sent.ended() != null) {
      return sent.ended();
    }
    SignInRun.TokenAnswer answer = sent.answer();
    if (answer.success()) {
      return run.issued(request, answer, "code redeemed " + (o.clientSecret() != null ? "with the client secret and PKCE" : "with PKCE"));
    }
    return run.failed(List.of(request), SignIn.TOKENS_CHECK,
        run.refused("The token endpoint refused the authorization code", "token endpoint", tokenEndpoint, answer.error()).build());
  }

  private Finding noAnswer(URI redirect, LoopbackListener listener) {
    return Finding.error("No answer from the sign-in within " + Durations.format(run.signIn.timeout()))
        .alternative(RootCause.REDIRECT_URI_MISMATCH, 0.3, "a redirect URI the app does not register is refused on the provider's page, which never returns")
        .alternative(RootCause.APP_UNVERIFIED, 0.2, "an unverified or Testing app is refused on Google's page after sign-in")
        .alternative(RootCause.CONDITIONAL_ACCESS, 0.2, "a policy that blocks the sign-in is shown on the provider's page")
        .detail("The browser did not return to " + redirect + (browser ? "" : " and nothing was pasted") + ". Either the sign-in was not"
            + " finished in time, or the provider showed an error on its own page: run again and paste that page's text when asked,"
            + " or give it to 'maildiag explain'.")
        .evidence("waited", Durations.format(run.signIn.timeout()))
        .evidence("requests refused by the listener", listener == null ? null : listener.refusedRequests())
        .build();
  }

  /** An error answer's parameters as an OAuth error, read like a token endpoint's. */
  static TokenError errorOf(Map<String, String> params) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    for (String name : List.of("error", "error_description", "error_uri", "error_subcode", "trace_id", "correlation_id")) {
      if (params.get(name) != null) {
        json.put(name, params.get(name));
      }
    }
    return TokenError.parse(302, json.toString());
  }

  private static URI uri(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      URI u = URI.create(text.trim());
      return u.getScheme() == null || u.getHost() == null ? null : u;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
