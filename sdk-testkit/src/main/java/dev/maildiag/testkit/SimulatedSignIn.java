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

  /**
   * Who signs in and what they do.
   *
   * @param scripted the user
   * @return this script
   */
  public SimulatedSignIn user(ScriptedUser scripted) {
    this.user = scripted;
    return this;
  }

  /**
   * The redirect URIs the app registers; a loopback one ({@code http://127.0.0.1}, {@code http://localhost}) matches any port.
   *
   * @param uris the registered redirect URIs
   * @return this script
   */
  public SimulatedSignIn registeredRedirects(Set<String> uris) {
    this.registeredRedirects = Collections.unmodifiableSet(new LinkedHashSet<>(uris));
    return this;
  }

  /**
   * The sign-in page refuses every request before anyone signs in, showing this text (Microsoft: {@code AADSTSnnnn: ...};
   * Google: {@code ... Error 401: deleted_client}), e.g. an unknown client id or tenant; null to stop refusing.
   *
   * @param text the page's text, or null
   * @return this script
   */
  public SimulatedSignIn pageRefuses(String text) {
    this.pageRefusal = text;
    return this;
  }

  /**
   * Whether the app allows public client flows; Entra refuses the device code's redemption otherwise (AADSTS7000218).
   *
   * @param allowed whether it does
   * @return this script
   */
  public SimulatedSignIn publicClientFlows(boolean allowed) {
    this.publicClientFlows = allowed;
    return this;
  }

  /**
   * How long a device code is valid.
   *
   * @param seconds the lifetime
   * @return this script
   */
  public SimulatedSignIn deviceCodeLifetime(int seconds) {
    this.deviceCodeLifetimeSeconds = seconds;
    return this;
  }

  /**
   * Who signs in.
   *
   * @return the scripted user
   */
  public ScriptedUser user() {
    return user;
  }

  /**
   * The registered redirect URIs.
   *
   * @return the URIs
   */
  public Set<String> registeredRedirects() {
    return registeredRedirects;
  }

  /**
   * The page's refusal.
   *
   * @return the text, or null
   */
  public String pageRefusal() {
    return pageRefusal;
  }

  /**
   * Whether public client flows are allowed.
   *
   * @return whether they are
   */
  public boolean allowsPublicClientFlows() {
    return publicClientFlows;
  }

  /**
   * How long a device code is valid.
   *
   * @return seconds
   */
  public int deviceCodeLifetimeSeconds() {
    return deviceCodeLifetimeSeconds;
  }

  /**
   * Remembers a secret the platform issued or received, for {@link #secrets()}.
   *
   * @param secret the secret's text
   */
  public void handled(String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
    }
  }

  /**
   * Every secret the sign-ins handled so far: codes, device codes, PKCE verifiers, access, refresh and ID tokens.
   *
   * @return the secrets' texts
   */
  public List<String> secrets() {
    return List.copyOf(secrets);
  }
}
