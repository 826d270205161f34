package dev.maildiag.microsoft;

import dev.maildiag.api.Protocol;
import dev.maildiag.api.spi.Key;
import java.util.Map;
import java.util.Optional;

/**
 * Where the mailbox's protocols are served when not at the cloud's usual hosts (a gateway, a test). Set it
 * as a context attribute; without it the catalog's hosts are used.
 */
public record MailEndpoints(Map<Protocol, MailEndpoint> byProtocol) {
  public static final Key<MailEndpoints> ATTRIBUTE = Key.of("microsoft.mailEndpoints", MailEndpoints.class);

  public MailEndpoints {
    byProtocol = Map.copyOf(byProtocol);
  }

  public Optional<MailEndpoint> get(Protocol p) {
    return Optional.ofNullable(byProtocol.get(p));
  }
}
