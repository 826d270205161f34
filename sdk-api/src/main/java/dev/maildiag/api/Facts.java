package dev.maildiag.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the checks of one diagnosis have learned so far. A check reads facts that its prerequisites put;
 * the runner orders checks so that they are there.
 */
public final class Facts {
  /** An access token obtained during this diagnosis (e.g. by a refresh), to use instead of the configured one. */
  public static final Fact<Secret> ACCESS_TOKEN = Fact.of("accessToken", Secret.class);

  /** The claims of the access token in use, once a check has read them. */
  public static final Fact<TokenClaims> TOKEN_CLAIMS = Fact.of("tokenClaims", TokenClaims.class);

  private final Map<Fact<?>, Object> values = new ConcurrentHashMap<>();

  public <T> void put(Fact<T> fact, T value) {
    values.put(fact, fact.type().cast(value));
  }

  public <T> Optional<T> get(Fact<T> fact) {
    return Optional.ofNullable(fact.type().cast(values.get(fact)));
  }

  public boolean has(Fact<?> fact) {
    return values.containsKey(fact);
  }
}
