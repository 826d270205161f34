package dev.maildiag.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The start-up figure's reference: the least a JVM can do for a healthy live check, as curl does it (TLS with the
 * same trust store, XOAUTH2 login, EXAMINE, LOGOUT) on raw sockets, in one thread, with no diagnosis around it. It
 * shows what of a live check's time is the JVM's own (start, key derivation of the trust store, cold TLS) and what
 * maildiag adds.
 * Usage: BareImapsLogin TRUST_STORE PASSWORD HOST PORT USER TOKEN_FILE
 */
public final class BareImapsLogin {
  public static void main(String[] args) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      store.load(in, args[1].toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(args[2], Integer.parseInt(args[3]))) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(10_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      in.readLine();
      String token = Files.readString(Path.of(args[5])).strip();
      String response = Base64.getEncoder().encodeToString(
          ("user=" + args[4] + "\u0001auth=Bearer " + token + "\u0001\u0001").getBytes(StandardCharsets.UTF_8));
      command(in, out, "a1", "AUTHENTICATE XOAUTH2 " + response);
      command(in, out, "a2", "EXAMINE INBOX");
      command(in, out, "a3", "LOGOUT");
    }
  }

  private static void command(BufferedReader in, OutputStream out, String tag, String command) throws IOException {
    out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith(tag + " ")) {
        if (!line.startsWith(tag + " OK")) {
          throw new IOException(command.split(" ")[0] + " refused: " + line);
        }
        return;
      }
    }
    throw new IOException("the server closed the connection");
  }

  private BareImapsLogin() {}
}
