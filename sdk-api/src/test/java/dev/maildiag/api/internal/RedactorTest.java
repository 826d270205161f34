package dev.maildiag.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String TOKEN = "EwBwA8l6BAAUs5+HQn0N7h2FxRtNZ3lmpMmC1ifdB1yQ/L9bT7aZ8RkAAAqXy0wE1dLc3Tvq";
  private static final String SECRET = "Qx~8Q~aBcDeFgHiJkLmNoPqRsTuVwXyZ0123";
  private final Redactor redactor = Redactor.of(List.of(TOKEN, SECRET, "hunter22!"));

  @Test
  void blanksKnownSecretsInEveryEncoding() {
    for (String s : List.of(TOKEN, SECRET, "hunter22!")) {
      for (String carrier : carriers(s)) {
        String shown = redactor.redact("A1 NO [AUTHENTICATIONFAILED] got " + carrier + " which is not valid");
        assertThat(shown).as(carrier).doesNotContain(s).contains(Redactor.MARK);
        assertNoPieceOf(s, shown, carrier);
      }
    }
  }

  @Test
  void blanksBase64OfTheSecretAtEveryOffsetOfALongerText() {
    for (int pad = 0; pad < 6; pad++) {
      String payload = "x".repeat(pad) + "user=alice@contoso.com\u0001auth=Bearer " + TOKEN + "\u0001\u0001";
      String b64 = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
      String inner = b64.substring(b64.length() / 3);
      String shown = Redactor.of(List.of(TOKEN)).redact("-ERR " + inner.substring(0, inner.length() - 4) + " rejected");
      assertThat(shown).doesNotContain(inner.substring(inner.length() / 2, inner.length() / 2 + 12));
    }
  }

  @Test
  void blanksPrefixAndPartialEchoesOfLongTokens() {
    String prefix = TOKEN.substring(0, 20);
    String middle = TOKEN.substring(30, 45);
    String shown = redactor.redact("token " + prefix + "... and " + middle + " invalid");
    assertThat(shown).doesNotContain(prefix).doesNotContain(middle).contains("invalid");
  }

  @Test
  void blanksWhatLooksLikeASecret() {
    String jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJlLWJ5dGVz";
    List<String> lines = List.of(
        "Authorization: Bearer abcdefghijklmnop123",
        "got " + jwt + " from the cache",
        "AUTHENTICATE XOAUTH2 dXNlcj1hbGljZUBjb250b3NvLmNvbQFhdXRoPUJlYXJlciBhYmMBAQ==",
        "POST client_secret=s3cr3tValue&grant_type=refresh_token",
        "{\"access_token\":\"at-value-123\",\"token_type\":\"Bearer\"}",
        "{\\\"refresh_token\\\":\\\"rt-value-123\\\"}",
        "redirect?access_token%3Dat-value-123%26x",
        "connecting to https://alice:pa55word@proxy.corp:8080/",
        "pass=hunter2 user=bob",
        "the secret Zx91kLmNoPqRsTuVwXyZ0123 was refused",
        "token \"Zx91kLmNoPqRsTuVwXyZ0123\" is not valid",
        "password: correct-horse-9");
    List<String> leaks = List.of("abcdefghijklmnop123", jwt.substring(0, 30), "dXNlcj1hbGljZ", "s3cr3tValue", "at-value-123",
        "rt-value-123", "pa55word", "hunter2", "Zx91kLmNoPqRsTuVwXyZ0123", "correct-horse-9");
    for (String line : lines) {
      String shown = Redactor.shapes().redact(line);
      leaks.forEach(leak -> assertThat(shown).as(line).doesNotContain(leak));
      assertThat(shown).as(line).contains(Redactor.MARK);
    }
  }

  @Test
  void leavesOrdinaryServerAnswersAlone() {
    for (String line : List.of("A1 NO AUTHENTICATE failed.", "-ERR Logon failure: unknown user name or bad password.",
        "535 5.7.3 Authentication unsuccessful [SN4PR0501CA0046.namprd05.prod.outlook.com]",
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value",
        "The token endpoint refused the refresh_token grant: invalid_grant",
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        "WWW-Authenticate: Bearer realm=\"outlook\"")) {
      assertThat(redactor.redact(line)).isEqualTo(line);
    }
  }

  @Test
  void isIdempotent() {
    String once = redactor.redact("token=" + TOKEN + " and Bearer " + SECRET);
    assertThat(redactor.redact(once)).isEqualTo(once);
  }

  @Test
  void randomTextNeverBreaksIt() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(4000);
      String alphabet = "aeXyz019+/=_-.:@ \"'%&\\\n\t\u0001eyJdXNlcjBearer token=pass secret://";
      for (int i = 0; i < n; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString() + TOKEN.substring(random.nextInt(20), 40 + random.nextInt(20)) + sb;
      String shown = redactor.redact(text);
      assertNoPieceOf(TOKEN, shown, "round " + round);
    }
  }

  private static List<String> carriers(String s) {
    String b64 = Base64.getEncoder().encodeToString(("user=a@b.c\u0001auth=Bearer " + s + "\u0001\u0001").getBytes(StandardCharsets.UTF_8));
    String plain = Base64.getEncoder().encodeToString(("\u0000bob\u0000" + s).getBytes(StandardCharsets.UTF_8));
    return List.of(s, URLEncoder.encode(s, StandardCharsets.UTF_8), "\"" + s.replace("/", "\\/") + "\"", b64, plain,
        b64.replace('+', '-').replace('/', '_'), URLEncoder.encode(b64, StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)), "<" + s + ">");
  }

  /** No piece of {@value Redactor#GRAM} characters of the secret or of its Base64 is left in {@code shown}. */
  private static void assertNoPieceOf(String secret, String shown, String what) {
    for (String form : Redactor.forms(secret)) {
      for (int i = 0; i + Redactor.GRAM <= form.length(); i++) {
        assertThat(shown).as(what + " / " + form).doesNotContain(form.substring(i, i + Redactor.GRAM));
      }
    }
  }

  @Test
  void theLiteralsPrefilterNothingThePatternWouldBlank() {
    List<String> shaped = List.of("https://user:pw@host/x", "Authorization: Bearer abcdefghijkl", "AUTH XOAUTH2 dXNlcj1hQGIuYw==",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIx.c2ln", "client_secret=s3cr3t-value", "Password is Zk3jq9Lm2Pq8Rt5Vw7Xy1",
        "https://x/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj", "sig%3Dabcdef", "Set-Cookie: JSESSIONID=1234",
        "PWD=hunter22", "api-key: 0123456789abcdef0123", "OTP=123456");
    List<String> all = new java.util.ArrayList<>(shaped);
    // every keyword of the pattern, however spelt: a keyword added there without a literal here would leak
    for (String keyword : Redactor.KEYWORDS.split("\\|")) {
      for (String joint : List.of("", "_", "-")) {
        String spelt = keyword.replace("[_-]?", joint);
        all.add(spelt + "=abcdefghij0123456789");
        all.add(spelt.toUpperCase(java.util.Locale.ROOT) + ": abcdefghij0123456789");
      }
    }
    for (String scheme : List.of("bearer", "Basic", "NEGOTIATE", "ntlm", "xoauth2", "oauthbearer", "PLAIN")) {
      all.add(scheme + " abcdefghij0123456789");
    }
    for (String parameter : List.of("code", "sig", "signature", "code_challenge", "OTP")) {
      all.add("?" + parameter + "=abcdef123");
    }
    for (String text : all) {
      assertThat(Redactor.mayHoldShape(text)).as(text).isTrue();
      assertThat(Redactor.blankShapesByPattern(text)).as(text).isNotEqualTo(text);
    }
    // wherever the literals say a text cannot hold a shape, the pattern blanks nothing either
    Random random = new Random(11);
    String alphabet = "aAbBcCdDeEgGiIjJkKlLnNoOpPrRsStTuUvVwWxXyYzZ:/=%3@ .-_\"'0123456789";
    int skipped = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 4 + random.nextInt(60); i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      if (!Redactor.mayHoldShape(text)) {
        skipped++;
        assertThat(Redactor.blankShapesByPattern(text)).as(text).isEqualTo(text);
      }
    }
    assertThat(skipped).as("the random texts exercise the prefilter").isGreaterThan(1_000);
    // texts made of the pattern's own parts: keywords, schemes, separators, quotes, digits, '@' and plain words
    List<String> parts = new java.util.ArrayList<>(List.of("://", "@", ":", "=", "%3d", "%3A", "%22", "&quot;", "\\\"", "'", " ",
        "  ", " is ", "/", "?", "&", "-", "_", ".", "0", "7", "abcdefghij", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "eyJ", "dXNlcj",
        "https", "x", "endpoint", "login.example.com"));
    parts.addAll(List.of(Redactor.KEYWORDS.replace("[_-]?", "_").split("\\|")));
    parts.addAll(List.of("bearer", "Basic", "negotiate", "ntlm", "xoauth2", "oauthbearer", "plain", "code", "sig", "signature",
        "code_challenge", "otp"));
    int composedSkipped = 0;
    int composedBlanked = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 1 + random.nextInt(8); i++) {
        sb.append(parts.get(random.nextInt(parts.size())));
      }
      String text = sb.toString();
      boolean blanked = !Redactor.blankShapesByPattern(text).equals(text);
      composedBlanked += blanked ? 1 : 0;
      if (!Redactor.mayHoldShape(text)) {
        composedSkipped++;
        assertThat(blanked).as(text).isFalse();
      }
    }
    assertThat(composedSkipped).as("composed texts the prefilter skips").isGreaterThan(5_000);
    assertThat(composedBlanked).as("composed texts the pattern blanks").isGreaterThan(1_000);
  }
}
