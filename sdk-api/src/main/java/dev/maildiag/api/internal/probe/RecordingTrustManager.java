package dev.maildiag.api.internal.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Delegates every decision to the real trust manager (host name checks included) and remembers the chain
 * the server presented, so that a refused certificate can still be described (subject, issuer, expiry).
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
  private final X509TrustManager delegate;
  private volatile X509Certificate[] chain;

  RecordingTrustManager(X509TrustManager delegate) {
    this.delegate = delegate;
  }

  X509Certificate[] chain() {
    return chain;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) throws CertificateException {
    chain = c;
    if (delegate instanceof X509ExtendedTrustManager x) {
      x.checkServerTrusted(c, authType, socket);
    } else {
      delegate.checkServerTrusted(c, authType);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws CertificateException {
    chain = c;
    if (delegate instanceof X509ExtendedTrustManager x) {
      x.checkServerTrusted(c, authType, engine);
    } else {
      delegate.checkServerTrusted(c, authType);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String authType) throws CertificateException {
    chain = c;
    delegate.checkServerTrusted(c, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("maildiag is a client only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws CertificateException {
    throw new CertificateException("maildiag is a client only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String authType) throws CertificateException {
    throw new CertificateException("maildiag is a client only");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
