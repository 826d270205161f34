package dev.maildiag.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.TokenClaims;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes Gmail's XOAUTH2 error challenge, {@code base64({"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"})},
 * and explains it with what the diagnosis knows about the token: 401 means the token itself is not valid
 * (expired or revoked); 400 means a valid token that does not fit (no mail scope, or another user's token).
 */
final class Xoauth2Challenge implements Interpreter {
  /**
   * Base64 of a JSON object starting {@code {"} is {@code eyJ...}. Only at the start of a Base64 run, and
   * possessive: {@code eyJeyJeyJ...} must not be rescanned from every {@code eyJ} (quadratic time).
   */
  private static final Pattern CHALLENGE = Pattern.compile("(?<![A-Za-z0-9+/_-])eyJ[A-Za-z0-9+/_-]{8,}+={0,2}");
  /** Longest Base64 run decoded: Gmail's challenge is about 100 characters. */
  private static final int MAX_CHALLENGE = 4096;
  /** Angus Mail decodes the POP3 challenge itself: "OAUTH2 authentication failed: {"status":"400",...}". */
  private static final Pattern DECODED = Pattern.compile("\\{\\s*\"status\"\\s*:[^{}]*}");
  // "AUTH ... failed: 334" and "XOAUTH2 ... (400)" on one line: found with one scan per line (see inWords), never
  // with "AUTH[^\n]*failed" regular expressions, which rescan the rest of the line from every "AUTH" (quadratic)
  private static final Pattern SMTP_FAILED_334 = Pattern.compile("failed:? 334\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern STATUS = Pattern.compile("\\((40[01])\\)");
  private static final Pattern XOAUTH2_WORD = Pattern.compile("XOAUTH2", Pattern.CASE_INSENSITIVE | Pattern.LITERAL);
  private static final Pattern AUTH_WORD = Pattern.compile("AUTH", Pattern.CASE_INSENSITIVE | Pattern.LITERAL);

  /** What Gmail's challenge says. */
  record Challenge(String status, String schemes, String scope) {}

  @Override
  public List<Candidate> interpret(Observation o) {
    if (!GoogleObservations.fromGoogle(o)) {
      return List.of();
    }
    Optional<Challenge> challenge = decode(o.text());
    if (challenge.isEmpty()) {
      return List.of();
    }
    Challenge c = challenge.get();
    Optional<TokenClaims> claims = o.facts().get(Facts.TOKEN_CLAIMS);
    String login = o.context() == null ? null : o.context().server().login();
    Protocol protocol = o.protocol();
    List<Candidate> out = new ArrayList<>();
    String said = "Gmail's XOAUTH2 challenge says status " + c.status() + (c.scope() == null ? "" : ", scope needed " + c.scope());
    if ("401".equals(c.status())) {
      boolean expired = claims.map(t -> t.expiresAt() != null && !t.expiresAt().isAfter(Instant.now())).orElse(false);
      out.add(new Candidate(RootCause.ACCESS_TOKEN_EXPIRED, expired || claims.isEmpty() ? 0.9 : 0.6,
          said + ": the access token is not valid (expired or revoked)"));
      out.add(new Candidate(RootCause.REFRESH_TOKEN_INVALID, 0.2, said + ": a revoked grant invalidates its access tokens too"));
      return out;
    }
    GoogleObservations.delegatedMailbox(o).ifPresent(out::add);
    if (claims.isPresent()) {
      TokenClaims t = claims.get();
      boolean hasScope = t.scopes().contains(GoogleCatalog.MAIL_SCOPE)
          || (protocol == Protocol.IMAP && t.scopes().contains(GoogleCatalog.IMAP_ADMIN_SCOPE));
      boolean otherUser = t.user() != null && login != null && !t.user().equalsIgnoreCase(login);
      if (!hasScope) {
        out.add(new Candidate(RootCause.SCOPES, 0.95, said + ", and the token was issued for " + String.join(" ", t.scopes())));
      }
      if (otherUser) {
        out.add(new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.95,
            said + ", and the token belongs to " + t.user() + " while the login is " + login));
      }
      if (hasScope && !otherUser && out.isEmpty()) {
        out.add(new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.5, said + " for a token with the mail scope: the login may not be the token's user"));
        out.add(new Candidate(RootCause.ACCESS_TOKEN_EXPIRED, 0.3, said + ": the token may have been revoked since it was read"));
      }
      return out;
    }
    out.add(new Candidate(RootCause.SCOPES, 0.6, said + ": a valid token without " + GoogleCatalog.MAIL_SCOPE + " (most often)"));
    out.add(new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.45, said + ": or a token of another user than the login"));
    out.add(new Candidate(RootCause.ACCESS_TOKEN_EXPIRED, 0.3, said + ": or a token that has expired"));
    return out;
  }

  /** The challenge in the text, if there is one: base64 JSON, or the status in words ("XOAUTH2 ... error (400)"). */
  static Optional<Challenge> decode(String text) {
    Matcher m = CHALLENGE.matcher(text);
    while (m.find()) {
      if (m.end() - m.start() > MAX_CHALLENGE) {
        continue;
      }
      String b64 = m.group().replace('-', '+').replace('_', '/');
      try {
        Optional<Challenge> c = parse(new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8));
        if (c.isPresent()) {
          return c;
        }
      } catch (IllegalArgumentException e) {
        // base64-looking text that is not base64 after all; look further
      }
    }
    Matcher decoded = DECODED.matcher(text);
    while (decoded.find()) {
      Optional<Challenge> c = parse(decoded.group());
      if (c.isPresent()) {
        return c;
      }
    }
    String status = afterOnSameLine(text, XOAUTH2_WORD, STATUS);
    if (status != null) {
      return Optional.of(new Challenge(status, null, null));
    }
    if (afterOnSameLine(text, AUTH_WORD, SMTP_FAILED_334) != null) {
      // smtp.gmail.com answers a refused XOAUTH2 with "334 <challenge>"; clients often log only the code
      return Optional.of(new Challenge("400", null, null));
    }
    return Optional.empty();
  }

  /**
   * The first group (or the match) of {@code pattern} found after {@code word} (any case) on the same line,
   * in linear time: each line is searched once for the word's first occurrence and once for the pattern.
   */
  private static String afterOnSameLine(String text, Pattern word, Pattern pattern) {
    Matcher w = word.matcher(text);
    Matcher m = pattern.matcher(text);
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      if (!w.find(lineStart)) {
        return null; // nowhere further in the text
      }
      int at = w.start();
      if (at < lineEnd) {
        m.region(w.end(), lineEnd);
        if (m.find()) {
          return m.groupCount() > 0 ? m.group(1) : m.group();
        }
      } else {
        lineEnd = text.lastIndexOf('\n', at);
        lineEnd = lineEnd < lineStart ? lineStart : lineEnd;
      }
      lineStart = lineEnd + 1;
    }
    return null;
  }

  private static Optional<Challenge> parse(String json) {
    try {
      JsonNode node = JsonTrees.read(json);
      if (node != null && node.isObject() && node.has("status")) {
        return Optional.of(new Challenge(node.path("status").asText(), node.path("schemes").asText(null), node.path("scope").asText(null)));
      }
    } catch (IOException e) {
      // not the challenge's JSON
    }
    return Optional.empty();
  }
}
