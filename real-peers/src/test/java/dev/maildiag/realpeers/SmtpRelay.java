package dev.maildiag.realpeers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The relay behind Dovecot's submission service (Dovecot connects to it right after a login). */
final class SmtpRelay implements AutoCloseable {
  private final GreenMail greenMail;
  private final int port;

  private SmtpRelay(GreenMail greenMail, int port) {
    this.greenMail = greenMail;
    this.port = port;
  }

  static SmtpRelay start() {
    int port = Loopback.freePort();
    GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return new SmtpRelay(g, port);
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
