package dev.maildiag.testkit;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.ProxyServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Secret;
import dev.maildiag.testkit.tls.TestCa;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A running simulated environment: servers on loopback and a context that points at them.
 *
 * <p>Everything a test needs to point its <em>own</em> mail or OAuth client at the simulation is here:
 * {@link #context()} (host, port, security, login, token endpoint, client id and secret), {@link #accessToken()} (the
 * token the simulated mail server accepts) and {@link #testCa()} (the CA that every simulated server's certificate,
 * the token endpoint's included, is issued by, as PEM, trust-store file and {@code SSLContext}).
 */
public interface Simulation extends AutoCloseable {
  /**
   * A context that a mail handler configured against this simulation would have.
   *
   * @return the context, with the simulation's secrets as {@link Secret}s
   */
  DiagnosticContext context();

  /**
   * The access token for an own client's XOAUTH2 login: the one the simulated token endpoint issues (which the
   * healthy mail server accepts), else the one the context holds.
   *
   * @return the access token, or empty when the simulation has none (e.g. a handler on a password)
   */
  default Optional<Secret> accessToken() {
    return Optional.ofNullable(context().tokens().accessToken());
  }

  /**
   * The CA to trust when calling this simulation's mail servers and identity endpoints.
   *
   * @return the testkit's CA
   */
  default TestCa testCa() {
    return TestCa.get();
  }

  /**
   * The runner to diagnose this simulation with; by default every provider on the class path.
   *
   * @return a runner
   */
  default Maildiag maildiag() {
    return Maildiag.create();
  }

  /**
   * Every secret value in play, so that a test can prove none of them leaks: by default the client secret,
   * tokens, password and proxy passwords of {@link #context()}, and the {@link #accessToken()}. A simulation that issues secrets of its own
   * (an access token from its token endpoint, a password its server accepts) adds them.
   *
   * @return every secret value of this simulation
   */
  default List<Secret> secrets() {
    DiagnosticContext c = context();
    List<Secret> all = new ArrayList<>();
    Stream.of(c.oauth().clientSecret(), c.tokens().accessToken(), c.tokens().refreshToken(), c.tokens().password())
        .filter(Objects::nonNull).forEach(all::add);
    accessToken().ifPresent(all::add);
    NetworkSettings n = c.network();
    Stream.concat(Stream.of(n.httpProxy(), n.httpsProxy(), n.socksProxy()), n.mailProxies().values().stream())
        .filter(Objects::nonNull).map(ProxyServer::password).filter(Objects::nonNull).forEach(all::add);
    return List.copyOf(all);
  }

  /**
   * The simulated mailbox, when the diagnosis can reach one: what it holds and which commands its server
   * received, so that a test can prove a diagnosis changed nothing.
   *
   * @return the mailbox, or empty when the diagnosis cannot reach one
   */
  default Optional<MailboxWitness> mailbox() {
    return Optional.empty();
  }

  /** Stops the simulated servers. */
  @Override
  void close();
}
