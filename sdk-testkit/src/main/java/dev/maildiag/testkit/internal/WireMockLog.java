package dev.maildiag.testkit.internal;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a simulated server's WireMock messages (such as its "Request was not matched" banner) to SLF4J under
 * {@code dev.maildiag.testkit.wiremock} instead of the console, so that a program running simulations decides
 * whether they show: {@code maildiag demo} hides them unless {@code --debug}.
 */
public final class WireMockLog implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger("dev.maildiag.testkit.wiremock");

  /** Dropped, as WireMock's own non-verbose notifiers do: these are requests received, bodies (secrets) and all. */
  @Override
  public void info(String message) {
    // nothing
  }

  @Override
  public void error(String message) {
    LOG.warn(message);
  }

  @Override
  public void error(String message, Throwable t) {
    LOG.warn(message, t);
  }
}
