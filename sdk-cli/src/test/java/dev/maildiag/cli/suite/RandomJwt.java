package dev.maildiag.cli.suite;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Seeded random access tokens: JWT-shaped (header.payload.signature in Base64url) with claims of the wrong
 * type, missing parts, bad Base64, huge values, nested JSON, and opaque tokens.
 */
final class RandomJwt {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private RandomJwt() {}

  static String next(RandomText text) {
    int kind = text.random().nextInt(10);
    if (kind == 0) {
      return "ya29." + text.noise(1 + text.random().nextInt(200)).replace('.', '_');
    }
    if (kind == 1) {
      return "eyJ" + text.noise(1 + text.random().nextInt(300));
    }
    String header = text.random().nextInt(8) == 0 ? text.next() : "{\"alg\":\"" + (text.random().nextBoolean() ? "RS256" : "none") + "\",\"typ\":\"JWT\"}";
    StringBuilder payload = new StringBuilder("{");
    String[] claims = {"aud", "scp", "roles", "upn", "unique_name", "preferred_username", "email", "tid", "appid", "azp", "iss", "exp", "nbf", "oid", "ver", "xms_tcdt"};
    int n = text.random().nextInt(claims.length);
    for (int i = 0; i < n; i++) {
      payload.append(i == 0 ? "" : ",").append('"').append(claims[text.random().nextInt(claims.length)]).append("\":").append(claimValue(text));
    }
    payload.append('}');
    String p = text.random().nextInt(10) == 0 ? payload.substring(0, text.random().nextInt(payload.length() + 1)) : payload.toString();
    String signature = text.random().nextInt(3) == 0 ? "" : B64.encodeToString(text.noise(20).getBytes(StandardCharsets.UTF_8));
    String token = b64(header) + "." + b64(p) + (text.random().nextInt(6) == 0 ? "" : "." + signature);
    return kind == 2 ? token.replace('-', '+').replace('_', '/') + "==" : kind == 3 ? token + "." + token : token;
  }

  private static String claimValue(RandomText text) {
    return switch (text.random().nextInt(9)) {
      case 0 -> Long.toString(text.random().nextLong());
      case 1 -> "\"" + text.next().replace("\\", "").replace("\"", "").replace("\n", " ") + "\"";
      case 2 -> "[\"IMAP.AccessAsUser.All\"," + text.random().nextInt() + ",null,{\"x\":1}]";
      case 3 -> "{\"nested\":[1,2,{\"deep\":true}]}";
      case 4 -> "null";
      case 5 -> "1e309";
      case 6 -> "\"" + "x".repeat(text.random().nextInt(20_000)) + "\"";
      case 7 -> "true";
      default -> "\"https://outlook.office365.com\"";
    };
  }

  private static String b64(String s) {
    return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
