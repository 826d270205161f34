package dev.maildiag.testkit.proxy;

import dev.maildiag.testkit.internal.Closing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP CONNECT proxy on loopback for tests: it tunnels, refuses with 403, or demands credentials
 * with 407. Target hosts can be mapped to local servers, so a test can tunnel to {@code login.example.test}.
 *
 * <pre>{@code
 * try (MockProxy proxy = MockProxy.requiringAuth("alice", "pw").start()) { ... proxy.port() ... }
 * }</pre>
 */
public final class MockProxy implements AutoCloseable {
  private enum Mode { ALLOW, DENY, AUTH }

  private final Mode mode;
  private final String expectedAuthorization;
  private final Map<String, InetSocketAddress> hosts = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private ServerSocket serverSocket;
  private volatile boolean closed;

  private MockProxy(Mode mode, String expectedAuthorization) {
    this.mode = mode;
    this.expectedAuthorization = expectedAuthorization;
  }

  /**
   * Tunnels every CONNECT.
   *
   * @return the proxy, to {@link #start()}
   */
  public static MockProxy allowing() {
    return new MockProxy(Mode.ALLOW, null);
  }

  /**
   * Answers every CONNECT with 403 Forbidden, like a proxy whose policy blocks the host.
   *
   * @return the proxy, to {@link #start()}
   */
  public static MockProxy denying() {
    return new MockProxy(Mode.DENY, null);
  }

  /**
   * Answers 407 unless the CONNECT carries these Basic credentials.
   *
   * @param user the proxy user
   * @param password the proxy password
   * @return the proxy, to {@link #start()}
   */
  public static MockProxy requiringAuth(String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new MockProxy(Mode.AUTH, "Basic " + token);
  }

  /**
   * Tunnels CONNECTs for {@code host} (any port) to {@code target} instead of resolving it.
   *
   * @param host the host name clients ask for
   * @param target where the tunnel goes instead
   * @return this proxy
   */
  public MockProxy map(String host, InetSocketAddress target) {
    hosts.put(host.toLowerCase(Locale.ROOT), target);
    return this;
  }

  /**
   * Starts listening on 127.0.0.1 with a free port.
   *
   * @return this proxy, listening
   */
  public MockProxy start() {
    try {
      serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread t = new Thread(this::acceptLoop, "mock-proxy-" + serverSocket.getLocalPort());
    t.setDaemon(true);
    t.start();
    return this;
  }

  /**
   * The proxy's host.
   *
   * @return {@code 127.0.0.1}
   */
  public String host() {
    return "127.0.0.1";
  }

  /**
   * The proxy's port.
   *
   * @return the port, once {@link #start() started}
   */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /**
   * The request lines received, e.g. {@code CONNECT login.example.test:443 HTTP/1.1}.
   *
   * @return the request lines, in order
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = serverSocket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        Thread t = new Thread(() -> serve(s), "mock-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      List<String> head = readHead(in);
      if (head.isEmpty()) {
        return;
      }
      String requestLine = head.get(0);
      requests.add(requestLine);
      String[] parts = requestLine.split(" ");
      if (parts.length < 3 || !parts[0].equalsIgnoreCase("CONNECT")) {
        write(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      }
      if (mode == Mode.DENY) {
        write(out, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      }
      if (mode == Mode.AUTH && head.stream().noneMatch(h -> h.equalsIgnoreCase("Proxy-Authorization: " + expectedAuthorization))) {
        write(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"mock\"\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      }
      String target = parts[1];
      int colon = target.lastIndexOf(':');
      String host = target.substring(0, colon);
      int port = Integer.parseInt(target.substring(colon + 1));
      InetSocketAddress to = hosts.getOrDefault(host.toLowerCase(Locale.ROOT), new InetSocketAddress(host, port));
      Socket upstream = new Socket();
      open.add(upstream);
      try (upstream) {
        upstream.connect(to, 5000);
        upstream.setTcpNoDelay(true);
        write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
        Thread pump = new Thread(() -> copy(upstream, client), "mock-proxy-pump");
        pump.setDaemon(true);
        pump.start();
        copy(client, upstream);
      } catch (IOException e) {
        write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      }
    } catch (IOException e) {
      // client went away
    } finally {
      open.remove(client);
    }
  }

  private static void copy(Socket from, Socket to) {
    byte[] buf = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int total = 0;
    int b;
    while ((b = in.read()) >= 0 && total++ < 16 * 1024) {
      if (b == '\n') {
        String l = line.toString(StandardCharsets.ISO_8859_1).strip();
        line.reset();
        if (l.isEmpty()) {
          return lines;
        }
        lines.add(l);
      } else {
        line.write(b);
      }
    }
    return lines;
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() {
    closed = true;
    Closing.all(serverSocket, open);
  }
}
