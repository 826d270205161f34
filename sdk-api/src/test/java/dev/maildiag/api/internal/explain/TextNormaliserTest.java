package dev.maildiag.api.internal.explain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TextNormaliserTest {
  @Test
  void stackFramesOfEveryRuntimeGoTheMessagesStay() {
    String java = "javax.mail.MessagingException: Connection refused;\n  nested exception is:\n\tjava.net.ConnectException: Connection refused\n"
        + "\tat com.sun.mail.imap.IMAPStore.protocolConnect(IMAPStore.java:665)\n\t... 12 more\nCaused by: java.net.SocketTimeoutException: x";
    assertThat(TextNormaliser.normalise(java)).doesNotContain("protocolconnect").doesNotContain("12 more")
        .contains("java.net.connectexception: connection refused").contains("caused by: java.net.sockettimeoutexception");
    String dotnetGerman = "System.Net.Mail.SmtpException: Fehler beim Senden\n   bei System.Net.Mail.SmtpClient.Send(MailMessage message)\n"
        + "   bei Program.Main() in C:\\src\\Program.cs:Zeile 12";
    assertThat(TextNormaliser.normalise(dotnetGerman)).contains("fehler beim senden").doesNotContain("smtpclient.send");
    String python = "Traceback (most recent call last):\n  File \"/usr/lib/python3.11/imaplib.py\", line 612, in login\n"
        + "    raise self.error(dat[-1])\nimaplib.IMAP4.error: b'[AUTHENTICATIONFAILED] Invalid credentials (Failure)'";
    assertThat(TextNormaliser.normalise(python)).doesNotContain("raise self").doesNotContain("imaplib.py")
        .contains("[authenticationfailed] invalid credentials");
    String node = "Error: Invalid login: 535 5.7.3 Authentication unsuccessful\n    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:790:19)\n"
        + "    at TLSSocket.emit (node:events:513:28)";
    assertThat(TextNormaliser.normalise(node)).isEqualTo("error: invalid login: 535 5.7.3 authentication unsuccessful");
    String php = "PHPMailer\\PHPMailer\\Exception: SMTP Error: Could not authenticate.\nStack trace:\n#0 /var/www/vendor/phpmailer/src/PHPMailer.php(2135): x()\n#1 {main}";
    assertThat(TextNormaliser.normalise(php)).contains("smtp error: could not authenticate").doesNotContain("phpmailer.php(");
  }

  @Test
  void encodedBodiesAreDecoded() {
    assertThat(TextNormaliser.normalise("callback?error=invalid_request&error_description=AADSTS50011%3a+The+redirect+URI"))
        .contains("aadsts50011: the redirect uri");
    assertThat(TextNormaliser.normalise("<html><body><p>AADSTS50011: The redirect URI &#39;http://x&#39; does&nbsp;not match</p></body></html>"))
        .contains("aadsts50011: the redirect uri 'http://x' does not match");
    assertThat(TextNormaliser.normalise("{\\\"error\\\":\\\"invalid_grant\\\",\\\"error_description\\\":\\\"Token has been expired or revoked.\\\"}"))
        .contains("\"error\":\"invalid_grant\"");
    assertThat(TextNormaliser.normalise("doesn\u2019t  match\n\nthe\u00a0user")).isEqualTo("doesn't match the user");
  }

  @Test
  void gmailsChallengeIsDecodedButNeverTheClientsOwnResponse() {
    String challenge = Base64.getEncoder().encodeToString(
        "{\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(TextNormaliser.normalise("< + " + challenge)).contains("{\"status\":\"400\"");
    String clientResponse = Base64.getEncoder().encodeToString(
        "user=a@example.com\u0001auth=Bearer ya29.SECRET\u0001\u0001".getBytes(StandardCharsets.UTF_8));
    assertThat(TextNormaliser.normalise("> AUTHENTICATE XOAUTH2 " + clientResponse)).doesNotContain("ya29").doesNotContain("secret");
  }

  @Test
  void aMebibyteOfHostileTextIsNormalisedInOnePass() {
    for (String unit : new String[] {"\tat a.b.C.d(", "<a", "&#", "%2", "\\u00", "eyJzdGF0dXMiOiI", "    at x (", "File \"", " "}) {
      String hostile = unit.repeat((1 << 20) / unit.length()) + " AADSTS50011";
      String hostileLines = (unit + "\n").repeat((1 << 20) / (unit.length() + 1)) + "AADSTS50011";
      // a guard against a pathological (backtracking) pass, far above what one linear pass needs
      String normalised = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TextNormaliser.compute(hostile));
      String normalisedLines = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TextNormaliser.compute(hostileLines));
      assertThat(normalised).contains("aadsts50011");
      assertThat(normalisedLines).contains("aadsts50011");
    }
  }
}
