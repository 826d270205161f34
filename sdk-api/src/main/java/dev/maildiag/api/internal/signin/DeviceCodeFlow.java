package dev.maildiag.api.internal.signin;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.Finding;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.oauth.AccessTokenGrant;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.api.spi.TokenError;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The device authorization grant (RFC 8628) as Microsoft's identity platform runs it: the administrator opens
 * the verification page anywhere, types the code and signs in while maildiag polls the token endpoint at the
 * interval it was given, slower when told {@code slow_down}. Each poll answer is explained:
 * {@code authorization_pending} (not signed in yet: keep waiting), {@code slow_down} (poll less often),
 * {@code authorization_declined} (the administrator said no), {@code expired_token} (the code ran out), and an
 * app that does not allow public-client flows ({@code AADSTS7000218}, {@code AADSTS70002}) is told which
 * setting to change.
 */
final class DeviceCodeFlow {
  /** What Entra answers an app without "Allow public client flows" (the device flow is a public-client flow). */
  static final List<String> PUBLIC_CLIENT_CODES = List.of("7000218", "70002");
  static final String PUBLIC_CLIENT_SETTING = "Microsoft Entra admin center > App registrations > (the app) > Authentication"
      + " > Advanced settings > Allow public client flows: Yes";
  private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

  private final SignInRun run;

  DeviceCodeFlow(SignInRun run) {
    this.run = run;
  }

  SignIn.Outcome run() throws InterruptedException {
    String noDeviceFlow = run.context.attribute(SignIn.NO_DEVICE_FLOW).orElse(null);
    if (noDeviceFlow != null) {
      return run.failed(SignIn.REQUEST_CHECK, Finding.error("No device sign-in: " + noDeviceFlow)
          .detail("Use the browser sign-in (a loopback redirect on this machine) or the paste sign-in (the handler's own redirect URI"
              + " and client secret) instead.")
          .step("Run again with --sign-in browser, or with --sign-in paste and the handler's --redirect-uri.")
          .build());
    }
    String device = run.context.attribute(SignIn.DEVICE_AUTHORIZATION_ENDPOINT).orElse(null);
    Finding missing = run.missingSettings(device == null ? "device authorization endpoint (the provider did not name one)" : null);
    if (missing != null) {
      return run.failed(SignIn.REQUEST_CHECK, missing);
    }
    OAuthClient o = run.context.oauth();
    URI deviceEndpoint = URI.create(device);
    URI tokenEndpoint = URI.create(o.tokenEndpoint());
    ClientID clientId = new ClientID(o.clientId());
    HTTPResponse http;
    try {
      http = (HTTPResponse) new DeviceAuthorizationRequest(deviceEndpoint, clientId, run.scope()).toHTTPRequest().send(run.sender());
    } catch (IOException e) {
      return run.failed(SignIn.REQUEST_CHECK, AccessTokenGrant.unreachable(run.checks, "device authorization endpoint", deviceEndpoint, e));
    }
    DeviceAuthorizationSuccessResponse codes;
    try {
      DeviceAuthorizationResponse parsed = DeviceAuthorizationResponse.parse(http);
      if (!parsed.indicatesSuccess()) {
        return run.failed(SignIn.REQUEST_CHECK, refusal("The device authorization endpoint refused the request", "device authorization endpoint",
            deviceEndpoint, TokenError.parse(http.getStatusCode(), http.getBody())));
      }
      codes = parsed.toSuccessResponse();
    } catch (ParseException e) {
      return run.failed(SignIn.REQUEST_CHECK, AccessTokenGrant.notATokenResponse(deviceEndpoint, http));
    }
    Duration lifetime = Duration.ofSeconds(codes.getLifetime() > 0 ? codes.getLifetime() : 900);
    Duration limit = lifetime.compareTo(run.signIn.timeout()) < 0 ? lifetime : run.signIn.timeout();
    Finding request = Finding.ok("The device authorization endpoint issued a code for this app")
        .evidence("device authorization endpoint", deviceEndpoint)
        .evidence("verification URI", codes.getVerificationURI())
        .evidence("code valid for", Durations.format(lifetime))
        .build();
    instruct(codes, limit);
    return poll(request, tokenEndpoint, clientId, codes, limit);
  }

  private void instruct(DeviceAuthorizationSuccessResponse codes, Duration limit) {
    String login = run.context.server().login();
    Object message = codes.getCustomParameters().get("message");
    run.admin.tell("Device sign-in: open " + codes.getVerificationURI() + " on any device, enter the code " + codes.getUserCode().getValue()
        + (login == null ? "" : " and sign in as " + login) + ".");
    if (message != null) {
      run.admin.tell("(" + message + ")");
    }
    if (login != null) {
      run.admin.tell("Sign in as " + login + ", not as yourself: the token must be the login's, or the mail server refuses it.");
    }
    run.admin.tell("Waiting up to " + Durations.format(limit) + " for the sign-in (polling every " + interval(codes).toSeconds() + " s) ...");
  }

  private SignIn.Outcome poll(Finding request, URI tokenEndpoint, ClientID clientId, DeviceAuthorizationSuccessResponse codes, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Duration interval = interval(codes);
    TokenRequest poll = new TokenRequest.Builder(tokenEndpoint, clientId, new DeviceCodeGrant(codes.getDeviceCode())).build();
    int polls = 0;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return run.failed(List.of(request), SignIn.TOKENS_CHECK, expired(limit, polls, "maildiag stopped waiting"));
      }
      Thread.sleep(Math.min(interval.toMillis(), Math.max(1, left / 1_000_000)));
      polls++;
      SignInRun.Sent sent = run.send(request, tokenEndpoint, poll);
      if (sent.ended() != null) {
        return sent.ended();
      }
      SignInRun.TokenAnswer answer = sent.answer();
      if (answer.success()) {
        return run.issued(request, answer, "device code, after " + polls + " poll" + (polls == 1 ? "" : "s"));
      }
      TokenError error = answer.error();
      String code = error.error() == null ? "" : error.error().toLowerCase(Locale.ROOT);
      switch (code) {
        case "authorization_pending":
          continue; // not signed in yet
        case "slow_down":
          interval = interval.plus(SLOW_DOWN_STEP);
          run.admin.tell("The identity platform asked to poll less often (slow_down): now every " + interval.toSeconds() + " s.");
          continue;
        case "authorization_declined":
          return run.failed(List.of(request), SignIn.TOKENS_CHECK, Finding.error("The sign-in was declined on the device page (authorization_declined)")
              .rootCause(RootCause.CONSENT_REQUIRED, 0.6)
              .detail("Whoever entered the code chose not to continue: declined the sign-in or the app's permissions. The handler needs"
                  + " the login's consent to its mail permissions (or an administrator's consent for the organisation).")
              .step("Run again and accept; or have an administrator grant consent: Enterprise applications > (the app) > Permissions"
                  + " > Grant admin consent.")
              .evidence("polls", polls)
              .build());
        case "expired_token":
          return run.failed(List.of(request), SignIn.TOKENS_CHECK, expired(limit, polls, "the identity platform answered expired_token"));
        default:
          return run.failed(List.of(request), SignIn.TOKENS_CHECK, refusal("The token endpoint refused the device code", "token endpoint", tokenEndpoint, error));
      }
    }
  }

  /** An error answer, with the public-client setting named when that is what refuses the device flow. */
  private Finding refusal(String what, String endpointName, URI endpoint, TokenError error) {
    Finding.Builder f = run.refused(what, endpointName, endpoint, error);
    if (error.codes().stream().anyMatch(PUBLIC_CLIENT_CODES::contains)) {
      f = run.refused("The app does not allow public client flows, which the device sign-in is", endpointName, endpoint, error)
          .rootCause(RootCause.INVALID_CONFIGURATION, 0.9)
          .detail("The device code flow runs without the client secret, as a public client, and the app registration does not allow"
              + " that. The mail handler itself (authorization code with the secret) is not affected by this setting.")
          .step("Turn the setting on: " + PUBLIC_CLIENT_SETTING + ", then Save.")
          .step("Or sign in without it: --sign-in browser (loopback redirect) or --sign-in paste (the handler's redirect URI and secret).")
          .link("https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code");
    }
    return f.build();
  }

  private static Finding expired(Duration limit, int polls, String how) {
    return Finding.error("Nobody finished the device sign-in within " + Durations.format(limit) + " (" + how + ")")
        .detail("The code on the verification page is valid for a limited time; once it expires (expired_token) it cannot be used.")
        .step("Run again and enter the code sooner; use --sign-in-timeout for more time (the provider's code lifetime still applies).")
        .evidence("polls", polls)
        .build();
  }

  private static Duration interval(DeviceAuthorizationSuccessResponse codes) {
    return Duration.ofSeconds(codes.getInterval() > 0 ? codes.getInterval() : 5);
  }
}
