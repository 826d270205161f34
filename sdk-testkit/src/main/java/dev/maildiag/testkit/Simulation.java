package dev.maildiag.testkit;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.ProxyServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A running simulated environment: servers on loopback and a context that points at them. */
public interface Simulation extends AutoCloseable {
  /** A context that a mail handler configured against this simulation would have. */
  DiagnosticContext context();

  /** The runner to diagnose this simulation with; by default every provider on the class path. */
  default Maildiag maildiag() {
    return Maildiag.create();
  }

  /**
   * Every secret value in play, so that a test can prove none of them leaks: by default the client secret,
   * tokens, password and proxy passwords of {@link #context()}. A simulation that issues secrets of its own
   * (an access token from its token endpoint, a password its server accepts) adds them.
   */
  default List<Secret> secrets() {
    DiagnosticContext c = context();
    List<Secret> all = new ArrayList<>();
    Stream.of(c.oauth().clientSecret(), c.tokens().accessToken(), c.tokens().refreshToken(), c.tokens().password())
        .filter(Objects::nonNull).forEach(all::add);
    NetworkSettings n = c.network();
    Stream.concat(Stream.of(n.httpProxy(), n.httpsProxy(), n.socksProxy()), n.mailProxies().values().stream())
        .filter(Objects::nonNull).map(ProxyServer::password).filter(Objects::nonNull).forEach(all::add);
    return List.copyOf(all);
  }

  /**
   * The simulated mailbox, when the diagnosis can reach one: what it holds and which commands its server
   * received, so that a test can prove a diagnosis changed nothing.
   */
  default Optional<MailboxWitness> mailbox() {
    return Optional.empty();
  }

  /** Stops the simulated servers. */
  @Override
  void close();
}
