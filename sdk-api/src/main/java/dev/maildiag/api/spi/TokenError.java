package dev.maildiag.api.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maildiag.api.internal.JsonTrees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token endpoint's error answer, read from the raw JSON body: Nimbus keeps only string-valued extra
 * members and strips quotes and line breaks from the description, which loses Microsoft's
 * {@code error_codes} and the exact text.
 *
 * @param httpStatus the HTTP status
 * @param error the OAuth {@code error} code, e.g. {@code invalid_grant}, or null
 * @param description {@code error_description} as sent, or null
 * @param codes provider error codes: Microsoft's {@code error_codes} and any {@code AADSTS<n>} in the description
 * @param ids correlation data safe to show (trace id, correlation id, timestamp)
 */
public record TokenError(int httpStatus, String error, String description, List<String> codes, Map<String, String> ids) {
  /** The last token error of a diagnosis, for interpreters that want more than its text. */
  public static final Key<TokenError> FACT = Key.of("tokenError", TokenError.class);

  private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
  private static final String[] ID_FIELDS = {"trace_id", "correlation_id", "timestamp", "error_uri"};

  /**
   * A token error; prefer {@link #parse}.
   *
   * @param httpStatus see the record
   * @param error see the record
   * @param description see the record
   * @param codes see the record
   * @param ids see the record
   */
  public TokenError {
    codes = List.copyOf(codes);
    ids = Map.copyOf(ids);
  }

  /**
   * Reads an error body; a body that is not JSON keeps only its first line as the description.
   *
   * @param httpStatus the answer's HTTP status
   * @param body the answer's body, or null
   * @return the error
   */
  public static TokenError parse(int httpStatus, String body) {
    String text = body == null ? "" : body.strip();
    JsonNode json = null;
    try {
      json = text.startsWith("{") ? JsonTrees.read(text) : null;
    } catch (java.io.IOException notJson) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      String firstLine = text.lines().findFirst().orElse("");
      return new TokenError(httpStatus, null, firstLine.isEmpty() ? null : cap(firstLine), codesIn(firstLine, null), Map.of());
    }
    String error = textOf(json, "error");
    String description = textOf(json, "error_description");
    Map<String, String> ids = new LinkedHashMap<>();
    for (String field : ID_FIELDS) {
      String v = textOf(json, field);
      if (v != null) {
        ids.put(field, v);
      }
    }
    return new TokenError(httpStatus, error, description, codesIn(description, json.get("error_codes")), ids);
  }

  /**
   * The codes as Microsoft writes them, e.g. {@code AADSTS7000222}; empty when there are none.
   *
   * @return the codes with the {@code AADSTS} prefix
   */
  public List<String> aadstsCodes() {
    return codes.stream().map(c -> "AADSTS" + c).toList();
  }

  /**
   * One line for interpreters and reports: the error code, the provider codes and the description.
   *
   * @return the line, free of secrets
   */
  public String text() {
    StringBuilder s = new StringBuilder();
    if (error != null) {
      s.append(error);
    }
    if (description != null) {
      s.append(s.length() > 0 ? ": " : "").append(description.lines().findFirst().orElse(""));
    }
    for (String code : aadstsCodes()) {
      if (s.indexOf(code) < 0) {
        s.append(' ').append(code);
      }
    }
    if (s.length() == 0) {
      s.append("HTTP ").append(httpStatus);
    }
    return s.toString();
  }

  private static List<String> codesIn(String description, JsonNode errorCodes) {
    List<String> codes = new ArrayList<>();
    if (errorCodes != null && errorCodes.isArray()) {
      errorCodes.forEach(c -> add(codes, c.asText()));
    }
    if (description != null) {
      Matcher m = AADSTS.matcher(description);
      while (m.find()) {
        add(codes, m.group(1));
      }
    }
    return codes;
  }

  private static void add(List<String> codes, String code) {
    if (!code.isBlank() && !codes.contains(code)) {
      codes.add(code);
    }
  }

  private static String textOf(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v == null || v.isNull() ? null : cap(v.asText());
  }

  private static String cap(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
  }
}
