package dev.maildiag.api.internal.explain;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's trace that shows the server's capabilities (IMAP {@code CAPABILITY}, SMTP {@code EHLO}'s {@code 250-}
 * lines, POP3 {@code CAPA}) without XOAUTH2 or OAUTHBEARER among them: the server does not offer an OAuth login
 * there, or offers a login only after STARTTLS (RFC 3501 section 6.1.1 and 6.2.1, RFC 4954 section 3, RFC 2449 section
 * 6.3). A trace in which the client sends XOAUTH2 is left to the answer it got.
 */
public final class CapabilityLists implements Interpreter {
  @Override
  public List<Candidate> interpret(Observation observation) {
    String t = TextNormaliser.normalise(observation.text());
    boolean imap = t.contains("capability imap4");
    boolean smtp = t.contains("250-auth") || t.contains("250 auth") || t.contains("250-starttls") || t.contains("250-size");
    boolean pop = t.contains("+ok capability list");
    if (!imap && !smtp && !pop || t.contains("xoauth2") || t.contains("oauthbearer")) {
      return List.of();
    }
    boolean mechanisms = t.contains("auth=") || t.contains("250-auth ") || t.contains("250 auth ") || t.contains("250-auth=") || t.contains(" sasl ");
    boolean tlsFirst = t.contains("starttls") || t.contains(" stls") || t.contains("logindisabled");
    List<Candidate> out = new ArrayList<>();
    if (mechanisms) {
      out.add(new Candidate(RootCause.XOAUTH2_NOT_OFFERED, 0.75,
          "The server's capability list names login mechanisms but not XOAUTH2 or OAUTHBEARER"));
      if (tlsFirst) {
        out.add(new Candidate(RootCause.TLS_MODE_MISMATCH, 0.35, "The server may offer XOAUTH2 only after STARTTLS"));
      }
    } else if (tlsFirst) {
      out.add(new Candidate(RootCause.TLS_MODE_MISMATCH, 0.7,
          "The server's capability list offers STARTTLS and no login mechanism yet: it takes a login only after STARTTLS (or on the SSL port)"));
      out.add(new Candidate(RootCause.XOAUTH2_NOT_OFFERED, 0.4, "The server's capability list names no OAuth mechanism"));
    }
    return out;
  }
}
