package dev.maildiag.api.spi;

import dev.maildiag.api.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the checks of one diagnosis have learned so far. A check reads facts that its prerequisites put;
 * the runner orders checks so that they are there.
 */
public final class Facts {
  /** An access token obtained during this diagnosis (e.g. by a refresh), to use instead of the configured one. */
  public static final Key<Secret> ACCESS_TOKEN = Key.of("accessToken", Secret.class);

  /** The claims of the access token in use, once a check has read them. */
  public static final Key<TokenClaims> TOKEN_CLAIMS = Key.of("tokenClaims", TokenClaims.class);

  /**
   * Whether the mail server accepted the token over the configured protocol (the core XOAUTH2 login): true
   * after a login, false after a refusal, absent when no answer came. A check that needs to know does not log
   * in again.
   */
  public static final Key<Boolean> TOKEN_ACCEPTED = Key.of("mailTokenAccepted", Boolean.class);

  private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();
  private final java.util.Queue<Secret> secrets = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * Records a fact, replacing an earlier value.
   *
   * @param fact the fact's key
   * @param value its value
   * @param <T> its type
   */
  public <T> void put(Key<T> fact, T value) {
    values.put(fact, fact.type().cast(value));
    if (value instanceof Secret secret) {
      secrets.add(secret);
    }
  }

  /**
   * Remembers a secret met during the diagnosis that is no fact of its own (e.g. a rotated refresh token),
   * so that no output shows it. Secrets put as facts are remembered already.
   *
   * @param secret the secret; null is ignored
   */
  public void rememberSecret(Secret secret) {
    if (secret != null) {
      secrets.add(secret);
    }
  }

  /**
   * Every secret learned during this diagnosis, for redaction.
   *
   * @return the secrets put as facts or remembered, in the order learned
   */
  public java.util.List<Secret> secrets() {
    return java.util.List.copyOf(secrets);
  }

  /**
   * A fact, if known.
   *
   * @param fact the fact's key
   * @param <T> its type
   * @return the value, or empty
   */
  public <T> Optional<T> get(Key<T> fact) {
    return Optional.ofNullable(fact.type().cast(values.get(fact)));
  }

  /**
   * Whether a fact is known.
   *
   * @param fact the fact's key
   * @return whether it has a value
   */
  public boolean has(Key<?> fact) {
    return values.containsKey(fact);
  }
}
