package dev.maildiag.testkit;

import java.util.Objects;

/**
 * The person at a simulated identity platform's sign-in page (or device page): who signs in, whether a browser
 * session of another account is already there, and what happens after they sign in. Immutable.
 *
 * <pre>{@code
 * ScriptedUser.signsInAs("helpdesk@contoso.com").withCachedSessionOf("it-admin@contoso.com"); // the cached account wins
 * ScriptedUser.signsInAs("helpdesk@contoso.com").declines();
 * }</pre>
 *
 * @param account the account the user means to sign in as
 * @param cachedSession an account the browser is already signed in to, which the sign-in then uses; or null
 * @param action what happens once signed in
 * @param pollsBeforeSigningIn device flow: how many polls answer {@code authorization_pending} first
 * @param asksToSlowDown device flow: the first poll is answered {@code slow_down}
 */
public record ScriptedUser(String account, String cachedSession, Action action, int pollsBeforeSigningIn, boolean asksToSlowDown) {
  /** What happens after the user signs in. */
  public enum Action {
    /** Consents: the code (or device token) is issued. */
    CONSENTS,
    /** Declines the consent (or the device sign-in). */
    DECLINES,
    /** A Conditional Access policy blocks the sign-in. */
    HITS_CONDITIONAL_ACCESS,
    /** An administrator's policy blocks the app for this user. */
    HITS_ADMIN_BLOCK,
    /** Google refuses an unverified app in Testing for a user who is not a test user. */
    REFUSED_AS_UNVERIFIED_APP,
    /** Never finishes: the device code expires. */
    NEVER_SIGNS_IN
  }

  /**
   * Checks the account and action are given.
   *
   * @param account the account the user means to sign in as
   * @param cachedSession an account the browser is already signed in to, or null
   * @param action what happens once signed in
   * @param pollsBeforeSigningIn device flow: polls answered {@code authorization_pending} first
   * @param asksToSlowDown device flow: the first poll is answered {@code slow_down}
   */
  public ScriptedUser {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(action, "action");
  }

  /**
   * A user who signs in as {@code account} and consents.
   *
   * @param account the account
   * @return the user
   */
  public static ScriptedUser signsInAs(String account) {
    return new ScriptedUser(account, null, Action.CONSENTS, 1, false);
  }

  /**
   * The same user doing something else once signed in.
   *
   * @param newAction what happens
   * @return the changed user
   */
  public ScriptedUser does(Action newAction) {
    return new ScriptedUser(account, cachedSession, newAction, pollsBeforeSigningIn, asksToSlowDown);
  }

  /**
   * The same user declining the consent.
   *
   * @return the changed user
   */
  public ScriptedUser declines() {
    return does(Action.DECLINES);
  }

  /**
   * The browser is already signed in to {@code other}; the sign-in goes through as that account.
   *
   * @param other the cached account
   * @return the changed user
   */
  public ScriptedUser withCachedSessionOf(String other) {
    return new ScriptedUser(account, other, action, pollsBeforeSigningIn, asksToSlowDown);
  }

  /**
   * Device flow: how many polls are answered {@code authorization_pending} first.
   *
   * @param polls the number of polls
   * @return the changed user
   */
  public ScriptedUser afterPolls(int polls) {
    return new ScriptedUser(account, cachedSession, action, polls, asksToSlowDown);
  }

  /**
   * Device flow: the first poll is answered {@code slow_down}.
   *
   * @return the changed user
   */
  public ScriptedUser askingToSlowDown() {
    return new ScriptedUser(account, cachedSession, action, pollsBeforeSigningIn, true);
  }

  /**
   * The account the identity platform signs in: the cached session's when there is one.
   *
   * @return the account
   */
  public String signedInAccount() {
    return cachedSession != null ? cachedSession : account;
  }
}
