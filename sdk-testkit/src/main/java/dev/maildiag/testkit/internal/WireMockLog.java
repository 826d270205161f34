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

  @Override
  public void info(String message) {
    LOG.debug(message);
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
