package dev.maildiag.api.spi;

import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import java.util.Objects;

/**
 * Read-only XOAUTH2 logins for checks, the same way the core probe logs in: the diagnosis' proxy route,
 * trust and timeouts, XOAUTH2 only (never the token as a password), and always the same {@code user=} as
 * the core login (the mailbox read: the configured mailbox, else the login). A login opens no folder and
 * logs out at once. Reach it with {@link CheckContext#mail()}.
 *
 * <pre>{@code
 * MailLogins.Result pop3 = ctx.mail().login(Protocol.POP3, "outlook.office365.com", 995, Security.SSL);
 * if (pop3.accepted()) { ... }
 * }</pre>
 */
public interface MailLogins {
  /**
   * The XOAUTH2 {@code user=} every login of this diagnosis sends; null when neither mailbox nor login is set.
   *
   * @return the {@code user=} value, or null
   */
  String user();

  /**
   * Logs in with the diagnosis' access token (one obtained during the diagnosis, else the configured one).
   *
   * @param protocol the protocol to log in with
   * @param host the mail host
   * @param port the port
   * @param security how the connection is secured
   * @return how the login ended; never throws for a refused or unreachable server
   */
  Result login(Protocol protocol, String host, int port, Security security);

  /**
   * Logs in with the given access token.
   *
   * @param protocol the protocol to log in with
   * @param host the mail host
   * @param port the port
   * @param security how the connection is secured
   * @param accessToken the token to send
   * @return how the login ended; never throws for a refused or unreachable server
   */
  Result login(Protocol protocol, String host, int port, Security security, Secret accessToken);

  /** How a login ended. */
  enum Outcome {
    /** The server accepted the token. */
    ACCEPTED,
    /** The server refused the token; {@link Result#serverAnswer()} says how. */
    REFUSED,
    /** The server does not offer XOAUTH2, so the token was not sent. */
    XOAUTH2_NOT_OFFERED,
    /** No connection to the server (refused, unresolvable, timed out, a proxy in the way). */
    UNREACHABLE,
    /** The exchange broke off or made no sense before an answer to the token came; or there was no token. */
    FAILED
  }

  /**
   * The end of one login.
   *
   * @param outcome how it ended
   * @param protocol the protocol tried
   * @param endpoint host:port tried
   * @param serverAnswer the server's exact refusal or failure text (secrets left out), or what went wrong; null when accepted
   */
  record Result(Outcome outcome, Protocol protocol, String endpoint, String serverAnswer) {
    /**
     * A result; the outcome is required.
     *
     * @param outcome see the record
     * @param protocol see the record
     * @param endpoint see the record
     * @param serverAnswer see the record
     */
    public Result {
      Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * Whether the server accepted the token.
     *
     * @return whether the outcome is {@link Outcome#ACCEPTED}
     */
    public boolean accepted() {
      return outcome == Outcome.ACCEPTED;
    }

    /**
     * Whether the server refused the token.
     *
     * @return whether the outcome is {@link Outcome#REFUSED}
     */
    public boolean refused() {
      return outcome == Outcome.REFUSED;
    }
  }
}
