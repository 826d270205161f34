package dev.maildiag.cli.suite;

import dev.maildiag.api.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secret values of one simulation in every form a careless line of code would print them: as is,
 * URL-encoded (a token request body), Base64 (a basic auth header) and inside an XOAUTH2 SASL payload.
 */
final class Canaries {
  /** Shorter values could match ordinary text by chance, so they prove nothing. */
  static final int MIN_LENGTH = 8;
  /** A whole JWT (header and payload), whatever issued it. */
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");

  private final Map<String, String> forms = new LinkedHashMap<>();

  Canaries(List<Secret> secrets, String login) {
    int i = 0;
    for (Secret s : secrets) {
      String v = s.reveal();
      String label = "secret #" + (i++) + " (length " + v.length() + ")";
      forms.putIfAbsent(v, label);
      forms.putIfAbsent(URLEncoder.encode(v, StandardCharsets.UTF_8), label + " URL-encoded");
      forms.putIfAbsent(b64(v), label + " Base64");
      forms.putIfAbsent(b64("user=" + (login == null ? "" : login) + "\u0001auth=Bearer " + v + "\u0001\u0001"), label + " in an XOAUTH2 payload");
    }
  }

  List<String> tooShort(List<Secret> secrets) {
    return secrets.stream().filter(s -> s.length() < MIN_LENGTH).map(s -> "a secret of length " + s.length()).toList();
  }

  /** What leaked into {@code text}, described without the secret itself. */
  List<String> leaksIn(String where, String text) {
    List<String> leaks = new ArrayList<>();
    forms.forEach((form, label) -> {
      if (text.contains(form)) {
        leaks.add(label + " in " + where);
      }
    });
    var jwt = JWT.matcher(text);
    if (jwt.find()) {
      leaks.add("a JWT (" + jwt.group().substring(0, 12) + "...) in " + where);
    }
    return leaks;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
