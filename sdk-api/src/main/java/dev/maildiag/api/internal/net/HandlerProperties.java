package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.spi.Key;
import java.util.Optional;
import java.util.Properties;

/**
 * The handler's own Jakarta Mail properties ({@code mail.*}), as given to the diagnosis (the command line's
 * {@code -D}): what the handler's JVM is told beyond host and port, e.g. another protocol's endpoint of the same
 * mailbox ({@code mail.pop3s.host}/{@code port}) or its TLS trust ({@code mail.imaps.ssl.trust}).
 */
public final class HandlerProperties {
  /** The properties, when the caller knows them. */
  public static final Key<Properties> ATTRIBUTE = Key.of("maildiag.handlerMailProperties", Properties.class);

  private HandlerProperties() {}

  /** The value of {@code mail.<protocolName>.<name>} the handler is given, if any. */
  public static Optional<String> get(DiagnosticContext context, String protocolName, String name) {
    return context.attribute(ATTRIBUTE).map(p -> p.getProperty("mail." + protocolName + "." + name))
        .map(String::trim).filter(v -> !v.isEmpty());
  }
}
