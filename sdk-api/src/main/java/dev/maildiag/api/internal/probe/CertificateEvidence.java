package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Evidence about a server certificate chain. */
final class CertificateEvidence {
  private CertificateEvidence() {}

  static Finding.Builder add(Finding.Builder b, X509Certificate[] chain) {
    if (chain == null || chain.length == 0) {
      return b;
    }
    X509Certificate leaf = chain[0];
    b.evidence("certificateSubject", leaf.getSubjectX500Principal().getName())
        .evidence("certificateIssuer", leaf.getIssuerX500Principal().getName())
        .evidence("certificateValidFrom", leaf.getNotBefore().toInstant())
        .evidence("certificateExpires", leaf.getNotAfter().toInstant());
    List<String> names = names(leaf);
    if (!names.isEmpty()) {
      b.evidence("certificateNames", String.join(", ", names));
    }
    X509Certificate top = chain[chain.length - 1];
    b.evidence("chainRoot", top.getIssuerX500Principal().getName());
    return b;
  }

  static List<String> names(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.size() > 1) {
            out.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // no names to show
    }
    return out;
  }
}
