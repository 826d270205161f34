package dev.maildiag.api.internal.net;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The client side of TLS only: every check of a server's chain goes to another trust manager (with its host-name
 * and algorithm checks when it is an extended one), and maildiag never checks a client's.
 */
public abstract class ClientTrustManager extends X509ExtendedTrustManager {
  /**
   * The trust manager that decides.
   *
   * @throws CertificateException when there is none to ask, which refuses the chain
   */
  protected abstract X509TrustManager decider() throws CertificateException;

  /** Hears of the chain a server presented, before it is checked. */
  protected void presented(X509Certificate[] chain) {}

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    presented(chain);
    X509TrustManager decider = decider();
    if (decider instanceof X509ExtendedTrustManager x) {
      x.checkServerTrusted(chain, authType, socket);
    } else {
      decider.checkServerTrusted(chain, authType);
    }
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    presented(chain);
    X509TrustManager decider = decider();
    if (decider instanceof X509ExtendedTrustManager x) {
      x.checkServerTrusted(chain, authType, engine);
    } else {
      decider.checkServerTrusted(chain, authType);
    }
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    presented(chain);
    decider().checkServerTrusted(chain, authType);
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("maildiag is a client only");
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    throw new CertificateException("maildiag is a client only");
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("maildiag is a client only");
  }

  @Override
  public final X509Certificate[] getAcceptedIssuers() {
    try {
      return decider().getAcceptedIssuers();
    } catch (CertificateException e) {
      return new X509Certificate[0]; // nothing to ask: no issuer is accepted
    }
  }
}
