package dev.maildiag.api.internal.report;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Report;
import dev.maildiag.api.Stage;
import dev.maildiag.api.Verdict;
import dev.maildiag.api.spi.CheckInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reports for the format tests: one where XOAUTH2 fails with a hostile server answer, one where all is well. */
final class SampleReports {
  /** A server answer that tries to run script, colour a terminal and forge lines. */
  static final String HOSTILE = "A1 NO <script>alert('x')</script> \u001b[31mRED\u001b[0m | `tick` **bold** [link](https://evil.example/)\r\n"
      + "* forged line &amp; <img src=https://evil.example/x.png>";

  static final Map<String, CheckInfo> CHECKS = Map.of(
      "acme.cloud", CheckInfo.of("acme.cloud", Stage.CONFIG, "Hosts belong to one cloud"),
      "acme.token-claims", CheckInfo.of("acme.token-claims", Stage.OAUTH, "Token is for this user"));

  private SampleReports() {}

  static Report failing() {
    List<Finding> findings = List.of(
        stamp(Finding.ok("Required settings are present").build(), "config.required"),
        stamp(Finding.ok("Hosts belong to one cloud").build(), "acme.cloud"),
        stamp(Finding.ok("outlook.office365.com resolves").build(), "network.dns"),
        stamp(Finding.ok("Connected").build(), "network.tcp"),
        stamp(Finding.ok("Trusted certificate").build(), "tls.handshake"),
        stamp(Finding.ok("Server greets and offers XOAUTH2").build(), "protocol.greeting"),
        stamp(Finding.warning("Token expires in 2 minutes").rootCause("access-token-expired").build(), "acme.token-claims"),
        stamp(Finding.error("The IMAP server refused the authentication: " + HOSTILE).rootCause("protocol-disabled")
            .alternative("no-license", 0.4, "no mailbox <b>at all</b>").detail("first line\nsecond line")
            .evidence("serverAnswer", HOSTILE).evidence("protocol", "imap").build(), "oauth.xoauth2"),
        stamp(Finding.skipped("Skipped: oauth.xoauth2 failed").build(), "protocol.session"),
        stamp(Finding.skipped("Skipped: oauth.xoauth2 failed").build(), "mailbox.folder"));
    Remediation fix = new Remediation(List.of("Check: Get-CASMailbox -Identity <mailbox>", "Enable IMAP | POP", "Test again"),
        List.of("https://learn.microsoft.com/exchange/enable-or-disable-pop3-or-imap4-access", "javascript:alert(1)"));
    return new Report(Verdict.ERROR, findings, List.of(
        new RankedRootCause("protocol-disabled", "IMAP or POP is disabled for the mailbox", 0.92, List.of("oauth.xoauth2"), fix),
        new RankedRootCause("no-license", "The account has no mailbox licence", 0.4, List.of("oauth.xoauth2"), Remediation.NONE)),
        Map.of("protocol", "imap", "host", "outlook.office365.com", "port", "993", "login", "helpdesk@contoso.com"),
        Instant.parse("2026-11-30T17:00:00Z"), Duration.ofMillis(1234));
  }

  static Report healthy() {
    List<Finding> findings = List.of(
        stamp(Finding.ok("Required settings are present").build(), "config.required"),
        stamp(Finding.ok("Resolves").build(), "network.dns"),
        stamp(Finding.ok("Connected").build(), "network.tcp"),
        stamp(Finding.info("No proxy configured").build(), "network.proxy"),
        stamp(Finding.ok("Trusted certificate").build(), "tls.handshake"),
        stamp(Finding.ok("Greets").build(), "protocol.greeting"),
        stamp(Finding.ok("Token issued").build(), "oauth.token"),
        stamp(Finding.ok("Accepted").build(), "oauth.xoauth2"),
        stamp(Finding.ok("Serves").build(), "protocol.session"),
        stamp(Finding.ok("INBOX opens").build(), "mailbox.folder"));
    return new Report(Verdict.OK, findings, List.of(), Map.of("protocol", "imap", "host", "imap.gmail.com"),
        Instant.parse("2026-11-30T17:00:00Z"), Duration.ofMillis(800));
  }

  private static Finding stamp(Finding f, String checkId) {
    return f.stamped(checkId, Duration.ofMillis(12));
  }
}
