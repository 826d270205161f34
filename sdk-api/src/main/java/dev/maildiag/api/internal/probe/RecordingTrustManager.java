package dev.maildiag.api.internal.probe;

import dev.maildiag.api.internal.net.ClientTrustManager;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Delegates every decision to the real trust manager (host name checks included) and remembers the chain
 * the server presented, so that a refused certificate can still be described (subject, issuer, expiry).
 */
final class RecordingTrustManager extends ClientTrustManager {
  private final X509TrustManager delegate;
  private volatile X509Certificate[] chain;

  RecordingTrustManager(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  X509Certificate[] chain() {
    return chain;
  }

  @Override
  protected X509TrustManager decider() {
    return delegate;
  }

  @Override
  protected void presented(X509Certificate[] chain) {
    this.chain = chain;
  }
}
