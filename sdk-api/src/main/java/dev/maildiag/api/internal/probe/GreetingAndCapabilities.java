package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The server greets like a mail server of its protocol and offers SASL XOAUTH2 (IMAP {@code AUTH=XOAUTH2},
 * POP3 {@code CAPA} {@code SASL XOAUTH2}, SMTP {@code EHLO} {@code AUTH XOAUTH2}), after TLS where TLS is used.
 * A port that accepts TCP and never greets is something else: a firewall or a proxy.
 */
public final class GreetingAndCapabilities implements Check {
  public static final String ID = "protocol.greeting";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.PROTOCOL, "Server greets and offers XOAUTH2")
        .finds(RootCause.NOT_A_MAIL_SERVER, RootCause.XOAUTH2_NOT_OFFERED, RootCause.TLS_MODE_MISMATCH)
        .requires(TcpConnects.ID, TlsHandshake.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.hasMailServer(context);
  }

  @Override
  public Finding run(CheckContext ctx) throws IOException {
    MailServer s = ctx.context().server();
    String target = Probes.target(s);
    MailWire wire = null;
    boolean handedOn = false;
    try {
      wire = MailWire.takeOrConnect(ctx);
      String greeting = wire.connectAndSecure();
      String shown = Printable.of(greeting);
      if (!Printable.isMostlyText(greeting) || !looksLikeGreeting(s.protocol(), greeting)) {
        return PeerFailure.notAMailServer("The server at " + target + " does not greet like a " + s.protocol().label() + " server",
            "The first line is not a " + s.protocol().label() + " greeting (" + expected(s.protocol()) + "): something else answers on this port.")
            .evidence("greeting", shown)
            .build();
      }
      if (refuses(s.protocol(), greeting)) {
        Finding.Builder b = Finding.error("The server refuses the connection in its greeting: " + shown)
            .detail("The server answered but will not serve this client right now.")
            .evidence("greeting", shown);
        List<Candidate> candidates = ctx.interpret(ctx.observe(greeting, Stage.PROTOCOL));
        return b.candidates(candidates).build();
      }
      List<String> caps = capabilities(wire, s.protocol());
      wire.conversing();
      if (s.protocol() == Protocol.IMAP) {
        wire.imapCapabilities(caps);
      }
      ServerCapabilities found = new ServerCapabilities(shown, caps);
      ctx.facts().put(ProbeFacts.CAPABILITIES, found);
      String capsText = Printable.of(String.join(" ", caps));
      if (!found.offersXoauth2()) {
        if (MailWire.security(s) == Security.NONE && tlsFirst(found)) {
          return Finding.error("The server offers no authentication before STARTTLS (" + s.protocol().label() + " capabilities: "
                  + capsText + ")")
              .rootCause(RootCause.TLS_MODE_MISMATCH, 0.9)
              .alternative(RootCause.XOAUTH2_NOT_OFFERED, 0.4, "the server may not offer XOAUTH2 after STARTTLS either")
              .detail("The server requires TLS before any login (" + (found.has("LOGINDISABLED") ? "LOGINDISABLED" : "STARTTLS offered, no "
                  + mechanismName(s.protocol())) + "): on a plain connection it lists no authentication mechanism, so XOAUTH2 "
                  + "only appears after STARTTLS.")
              .step("Use security starttls on this port, or ssl on port " + s.protocol().implicitTlsPort() + ".")
              .evidence("greeting", shown).evidence("capabilities", capsText)
              .build();
        }
        Finding.Builder b = Finding.error("The server does not offer XOAUTH2 (" + s.protocol().label() + " capabilities: " + capsText + ")")
            .rootCause(RootCause.XOAUTH2_NOT_OFFERED, 0.9)
            .detail("Without " + mechanismName(s.protocol()) + " the server cannot accept an OAuth token. maildiag will not send the "
                + "token any other way (Jakarta Mail would fall back to LOGIN with the token as password).")
            .step("Check that host and port are the provider's mail server (not a relay or an on-premises server without OAuth).")
            .evidence("greeting", shown).evidence("capabilities", capsText);
        if (MailWire.security(s) == Security.NONE && (found.has("STARTTLS") || found.has("STLS") || found.has("LOGINDISABLED"))) {
          b.alternative(RootCause.TLS_MODE_MISMATCH, 0.7, "the server offers TLS first; authentication mechanisms appear after STARTTLS")
              .step("Use starttls or ssl: many servers only offer authentication after TLS.");
        }
        return b.build();
      }
      wire.handOn(); // the XOAUTH2 login goes on over this connection
      handedOn = true;
      return Finding.ok("The server greets as " + s.protocol().label() + " and offers XOAUTH2")
          .evidence("greeting", shown).evidence("capabilities", capsText)
          .build();
    } catch (SSLException e) {
      if (ctx.facts().has(HandlerTrust.FACT)) {
        return Finding.skipped("Not diagnosed past TLS: the handler trusts this certificate (" + ctx.facts().get(HandlerTrust.FACT).orElse("")
            + "), maildiag does not").build();
      }
      return Finding.error("TLS failed while reading the greeting: " + Printable.of(e.getMessage()))
          .rootCause(RootCause.TLS_MODE_MISMATCH, 0.6)
          .build();
    } catch (IOException e) {
      if (ImplicitTlsProbe.saidNothing(e) && MailWire.security(s) != Security.SSL) {
        Finding.Builder tls = ImplicitTlsProbe.silentPortSpeaksTls(ctx);
        if (tls != null) {
          return tls.build();
        }
      }
      Finding.Builder b = PeerFailure.describe(e, target, "greeting or capabilities", ctx.timeouts());
      if (b == null) {
        b = NetworkFailure.describe(e, target, null);
      }
      if (b == null) {
        throw e;
      }
      return b.build();
    } finally {
      if (wire != null && !handedOn) {
        wire.close();
      }
    }
  }

  /** The server asks for TLS before authentication: it offers STARTTLS (STLS) and no mechanism, or says LOGINDISABLED. */
  private static boolean tlsFirst(ServerCapabilities found) {
    boolean offersTls = found.has("STARTTLS") || found.has("STLS");
    boolean noMechanism = found.capabilities().stream().noneMatch(c -> {
      String u = c.toUpperCase(Locale.ROOT);
      return u.startsWith("AUTH=") || u.startsWith("SASL ") || (u.startsWith("AUTH ") && u.length() > 5);
    });
    return found.has("LOGINDISABLED") || (offersTls && noMechanism);
  }

  static boolean looksLikeGreeting(Protocol p, String g) {
    String u = g.toUpperCase(Locale.ROOT);
    return switch (p) {
      case IMAP -> u.startsWith("* OK") || u.startsWith("* PREAUTH") || u.startsWith("* BYE");
      case POP3 -> u.startsWith("+OK") || u.startsWith("-ERR");
      case SMTP -> u.matches("^(220|421|554)[ -].*") || u.equals("220") || u.equals("554");
    };
  }

  private static boolean refuses(Protocol p, String g) {
    String u = g.toUpperCase(Locale.ROOT);
    return switch (p) {
      case IMAP -> u.startsWith("* BYE");
      case POP3 -> u.startsWith("-ERR");
      case SMTP -> !u.startsWith("220");
    };
  }

  private static String expected(Protocol p) {
    return switch (p) {
      case IMAP -> "\"* OK ...\"";
      case POP3 -> "\"+OK ...\"";
      case SMTP -> "\"220 ...\"";
    };
  }

  private static String mechanismName(Protocol p) {
    return switch (p) {
      case IMAP -> "AUTH=XOAUTH2";
      case POP3 -> "SASL XOAUTH2 in CAPA";
      case SMTP -> "AUTH XOAUTH2 in EHLO";
    };
  }

  private static List<String> capabilities(MailWire wire, Protocol p) throws IOException {
    switch (p) {
      case IMAP: {
        List<String> caps = new ArrayList<>();
        for (String line : wire.command("M2 CAPABILITY", "M2 ")) {
          if (line.toUpperCase(Locale.ROOT).startsWith("* CAPABILITY ")) {
            caps.addAll(Arrays.asList(line.substring("* CAPABILITY ".length()).trim().split("\\s+")));
          }
        }
        return caps;
      }
      case POP3: {
        String answer = wire.commandLine("CAPA");
        return answer.startsWith("+OK") ? wire.pop3Lines() : List.of();
      }
      case SMTP: {
        List<String> caps = new ArrayList<>();
        for (String line : wire.smtpMultiline("EHLO maildiag.invalid")) {
          if (line.startsWith("250") && line.length() > 4) {
            caps.add(line.substring(4).trim());
          }
        }
        return caps.isEmpty() ? caps : caps.subList(1, caps.size()); // the first line is the server's name
      }
      default:
        throw new IllegalArgumentException(p.toString());
    }
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return PeerFailure.notAMailServer("No greeting from " + Probes.target(ctx.context().server()) + " within " + Durations.format(limit),
        "The port accepts TCP connections but no mail greeting came: a firewall, proxy or load balancer holds the port. "
            + "A successful telnet proves nothing.")
        .alternative(RootCause.NETWORK_BLOCKED, 0.4, "a middlebox that accepts and then stalls connections")
        .build();
  }
}
