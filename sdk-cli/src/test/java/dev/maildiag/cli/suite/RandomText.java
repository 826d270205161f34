package dev.maildiag.cli.suite;

import java.util.List;
import java.util.Random;

/**
 * Seeded random text shaped like what users paste: real error phrases (from the public corpus), cut,
 * spliced, repeated, with control characters, odd Unicode, huge numbers and unbalanced brackets.
 */
final class RandomText {
  static final List<String> SEEDS = List.of(
      "XOAUTH2 authentication error (400)", "NO AUTHENTICATE failed", "A1 NO AUTHENTICATE failed.",
      "-ERR Authentication failure: unknown user name or bad password.", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
      "BAD User is authenticated but not connected.", "(invalid_request) AADSTS900382: Confidential Client is not supported in Cross Cloud request.",
      "AADSTS7000222: The provided client secret keys are expired", "AADSTS700016: Application with identifier 'x' was not found in the directory 'y'",
      "AADSTS50020: User account 'a@outlook.com' from identity provider 'live.com' does not exist in tenant ''",
      "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}",
      "Error 400: admin_policy_enforced", "[ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)",
      "javax.mail.MessagingException: Could not connect to SMTP host: 10.8.0.1, port: 465;\n  nested exception is:\n\tjavax.net.ssl.SSLHandshakeException: PKIX path building failed",
      "java.net.UnknownHostException: outlook.office365.com", "java.net.SocketTimeoutException: Read timed out",
      "530-5.7.0 Must issue a STARTTLS command first.", "[OVERQUOTA] Account exceeded command or bandwidth limits.",
      "HTTP/1.1 407 Proxy Authentication Required", "* BYE Connection is closed. 13",
      "2026-11-28 10:22:03,123 ERROR [IncomingMailServerManager] Connection timeout");

  private final Random random;

  RandomText(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  String next() {
    StringBuilder s = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int p = 0; p < parts; p++) {
      String seed = SEEDS.get(random.nextInt(SEEDS.size()));
      switch (random.nextInt(8)) {
        case 0 -> s.append(seed, 0, random.nextInt(seed.length() + 1));
        case 1 -> s.append(seed.repeat(1 + random.nextInt(200)));
        case 2 -> s.append(noise(random.nextInt(300)));
        case 3 -> s.append(seed.toUpperCase()).append(random.nextBoolean() ? "\r\n" : "\u0000");
        case 4 -> s.append("AADSTS").append(random.nextInt(10) == 0 ? "99999999999999999999" : Integer.toString(random.nextInt(10_000_000)));
        case 5 -> s.append("{\"error\":").append("[".repeat(random.nextInt(50))).append('"').append(seed);
        case 6 -> s.append(seed.replace(' ', (char) random.nextInt(0x2FFF)));
        default -> s.append(seed);
      }
      s.append(random.nextBoolean() ? ' ' : '\n');
    }
    return s.toString();
  }

  String noise(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      s.append(kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? (char) (0x80 + random.nextInt(0xFF00)) : (char) (32 + random.nextInt(95)));
    }
    return s.toString();
  }
}
