package dev.maildiag.realpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Free loopback ports and small process helpers for the real servers. */
final class Loopback {
  private Loopback() {}

  /** A port nobody listens on right now (the kernel's pick); a real server binds it a moment later. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a server that binds ports {@link #freePort()} picked for it, picking again (up to three times) when one
   * was taken before the server bound it: the kernel may hand a free port to another connection as its local port
   * meanwhile. {@code start} picks its ports, cleans up after itself when it fails, and fails with an
   * {@code IllegalStateException} whose message carries the server's "Address already in use".
   */
  static <T> T onFreePorts(java.util.function.Supplier<T> start) {
    for (int attempt = 1; ; attempt++) {
      try {
        return start.get();
      } catch (IllegalStateException e) {
        if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("Address already in use")) {
          throw e;
        }
      }
    }
  }

  /**
   * Waits until something listens on the port. Reads the kernel's socket table where there is one rather than
   * connecting: a test connection would show up in the server's log as a client that never logged in.
   */
  static void awaitListening(String host, int port, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    java.nio.file.Path table = java.nio.file.Path.of("/proc/net/tcp");
    while (true) {
      if (java.nio.file.Files.isReadable(table) ? listening(table, port) : accepts(host, port)) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException(host + ":" + port + " is not listening after " + within);
      }
      sleep(50);
    }
  }

  private static boolean listening(java.nio.file.Path table, int port) {
    String local = String.format(":%04X ", port);
    try {
      // columns: sl local_address rem_address st ...; state 0A is LISTEN
      return java.nio.file.Files.readAllLines(table).stream().map(String::trim)
          .anyMatch(l -> l.split("\\s+").length > 3 && (l.split("\\s+")[1] + " ").endsWith(local) && l.split("\\s+")[3].equals("0A"));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean accepts(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command to its end and returns its exit code and combined output. */
  static Result run(String... command) {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return new Result(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return new Result(127, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(130, "interrupted");
    }
  }

  /** True when the program is on the PATH (or at that absolute path) and executable. */
  static boolean installed(String program) {
    if (program.startsWith("/")) {
      return java.nio.file.Files.isExecutable(java.nio.file.Path.of(program));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
      if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
        return true;
      }
    }
    for (String dir : List.of("/usr/sbin", "/sbin")) {
      if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name")) || run("id", "-u").output().equals("0");
  }

  record Result(int code, String output) {
    boolean ok() {
      return code == 0;
    }
  }

  static List<String> list(String... items) {
    return new ArrayList<>(List.of(items));
  }
}
