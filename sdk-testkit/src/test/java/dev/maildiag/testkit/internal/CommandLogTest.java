package dev.maildiag.testkit.internal;

import dev.maildiag.api.Protocol;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class CommandLogTest {
  @Test
  void imapTagsGoAndSecretsAreRedacted() {
    CommandLog log = new CommandLog(Protocol.IMAP);
    byte[] bytes = ("A0 CAPABILITY\r\nA1 AUTHENTICATE XOAUTH2 dXNlcj1hAWF1dGg9QmVhcmVyIHRvawEB\r\n\r\nA2 LOGIN me pw\r\n"
        + "A3 uid store 1 +FLAGS (\\Seen)\r\nA4 EXAMINE INBOX\r\n").getBytes(StandardCharsets.UTF_8);
    CommandLog.Sink sink = log.sink();
    sink.accept(bytes, 20);
    sink.accept(java.util.Arrays.copyOfRange(bytes, 20, bytes.length), bytes.length - 20);
    assertThat(log.lines()).containsExactly("CAPABILITY", "AUTHENTICATE XOAUTH2 [sasl]", "[sasl]", "LOGIN me [secret]",
        "UID STORE 1 +FLAGS (\\Seen)", "EXAMINE INBOX");
  }

  @Test
  void popAndSmtpSaslResponsesAndPasswordsAreRedacted() {
    assertThat(CommandLog.redact(Protocol.POP3, "dXNlcj1hAWF1dGg9QmVhcmVyIHRvawEB")).isEqualTo("[sasl]");
    assertThat(CommandLog.redact(Protocol.POP3, "PASS hunter2")).isEqualTo("PASS [secret]");
    assertThat(CommandLog.redact(Protocol.POP3, "DELE 1")).isEqualTo("DELE 1");
    assertThat(CommandLog.redact(Protocol.SMTP, "AUTH XOAUTH2 dXNlcj1h")).isEqualTo("AUTH XOAUTH2 [sasl]");
  }
}
