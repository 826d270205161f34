package dev.maildiag.testkit;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a simulated identity platform's interactive sign-in behaves: who signs in and what they do
 * ({@link ScriptedUser}), the redirect URIs the app registers, a refusal its sign-in page shows before anyone signs
 * in, whether the app allows public-client flows (the device flow), and how long a device code lasts. Also every
 * secret the sign-ins handled (codes, device codes, PKCE verifiers received, tokens), for secrecy tests.
 *
 * <pre>{@code
 * m365.identityPlatform().signIn().user(ScriptedUser.signsInAs("helpdesk@contoso.com").declines());
 * google.oauth().signIn().registeredRedirects(Set.of("https://jira.example.com/callback")); // no loopback: redirect_uri_mismatch
 * }</pre>
 */
public final class SimulatedSignIn {
  private volatile ScriptedUser user = ScriptedUser.signsInAs("user@example.com");
  private volatile Set<String> registeredRedirects = Set.of("http://127.0.0.1", "http://localhost");
  private volatile String pageRefusal;
  private volatile boolean publicClientFlows = true;
  private volatile int deviceCodeLifetimeSeconds = 900;
  private final Set<String> secrets = Collections.newSetFromMap(new ConcurrentHashMap<>());

  /** Who signs in and what they do. */
  public SimulatedSignIn user(ScriptedUser scripted) {
    this.user = scripted;
    return this;
  }

  /** The redirect URIs the app registers; a loopback one ({@code http://127.0.0.1}, {@code http://localhost}) matches any port. */
  public SimulatedSignIn registeredRedirects(Set<String> uris) {
    this.registeredRedirects = Collections.unmodifiableSet(new LinkedHashSet<>(uris));
    return this;
  }

  /**
   * The sign-in page refuses every request before anyone signs in, showing this text (Microsoft: {@code AADSTSnnnn: ...};
   * Google: {@code ... Error 401: deleted_client}), e.g. an unknown client id or tenant; null to stop refusing.
   */
  public SimulatedSignIn pageRefuses(String text) {
    this.pageRefusal = text;
    return this;
  }

  /** Whether the app allows public client flows; Entra refuses the device code's redemption otherwise (AADSTS7000218). */
  public SimulatedSignIn publicClientFlows(boolean allowed) {
    this.publicClientFlows = allowed;
    return this;
  }

  /** How long a device code is valid. */
  public SimulatedSignIn deviceCodeLifetime(int seconds) {
    this.deviceCodeLifetimeSeconds = seconds;
    return this;
  }

  public ScriptedUser user() {
    return user;
  }

  public Set<String> registeredRedirects() {
    return registeredRedirects;
  }

  /** The page's refusal, or null. */
  public String pageRefusal() {
    return pageRefusal;
  }

  public boolean allowsPublicClientFlows() {
    return publicClientFlows;
  }

  public int deviceCodeLifetimeSeconds() {
    return deviceCodeLifetimeSeconds;
  }

  /** Remembers a secret the platform issued or received, for {@link #secrets()}. */
  public void handled(String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  /** Every secret the sign-ins handled so far: codes, device codes, PKCE verifiers, access, refresh and ID tokens. */
  public List<String> secrets() {
    return List.copyOf(secrets);
  }
}
