package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import java.net.URI;

/** Small shared facts about what the probes look at. */
final class Probes {
  private Probes() {}

  /** True when a mail protocol and host are configured, so the mail probes mean something. */
  static boolean hasMailServer(DiagnosticContext c) {
    return c.server().protocol() != null && c.server().host() != null;
  }

  /** host:port of the mail server. */
  static String target(MailServer s) {
    return s.host() + ":" + s.effectivePort();
  }

  /** The identity host: the host of the token endpoint, or null when there is none or it is malformed. */
  static URI identityEndpoint(DiagnosticContext c) {
    String url = c.oauth().tokenEndpoint();
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      // http is accepted for local stand-ins (simulations); the route is decided as for HTTPS either way,
      // the same way HttpClients routes the token calls
      boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      return uri.getHost() == null || !web ? null : uri;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }
}
