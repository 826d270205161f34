package dev.maildiag.microsoft;

import dev.maildiag.api.Protocol;
import dev.maildiag.api.spi.Key;
import java.util.Map;

/**
 * What Exchange answered when the same token was tried on the mailbox's other protocols: a protocol that
 * is disabled fails alone, a mailbox without a licence fails on every protocol.
 *
 * @param accepted per protocol tried, whether XOAUTH2 authentication succeeded
 */
public record OtherProtocols(Map<Protocol, Boolean> accepted) {
  public static final Key<OtherProtocols> FACT = Key.of("microsoft.otherProtocols", OtherProtocols.class);

  public OtherProtocols {
    accepted = Map.copyOf(accepted);
  }

  public boolean anyAccepted() {
    return accepted.containsValue(Boolean.TRUE);
  }
}
