package dev.maildiag.api.internal.signin;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of an authorization answer: the query of the address the browser landed on (or its fragment). */
final class Query {
  private Query() {}

  /** Decoded parameters, the first value of each; empty for no query. */
  static Map<String, String> parse(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (Map.Entry<String, List<String>> e : URLUtils.parseParameters(rawQuery).entrySet()) {
      if (!e.getValue().isEmpty()) {
        out.put(e.getKey(), e.getValue().get(0));
      }
    }
    return out;
  }

  /** The answer parameters of an address: its query, or its fragment for a {@code response_mode=fragment} answer. */
  static Map<String, String> of(URI address) {
    Map<String, String> params = parse(address.getRawQuery());
    if (!params.containsKey("code") && !params.containsKey("error") && address.getRawFragment() != null) {
      params = parse(address.getRawFragment());
    }
    return params;
  }
}
