package dev.maildiag.api.internal.signin;

import dev.maildiag.api.spi.SignIn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The administrator at a terminal: instructions on stderr (stdout keeps the report), the system browser
 * when there is one, answers read from stdin by one reader thread so that a wait can time out.
 */
public final class ConsoleAdministrator implements SignIn.Administrator {
  private static final String END = "\u0000end";
  private static ConsoleAdministrator standard;

  private final PrintWriter out;
  private final InputStream in;
  private final SynchronousQueue<String> lines = new SynchronousQueue<>();
  private Thread reader;

  /** An administrator told through {@code out} and answering on {@code in}. */
  public ConsoleAdministrator(PrintWriter out, InputStream in) {
    this.out = out;
    this.in = in;
  }

  /** The administrator at this JVM's terminal: stderr and stdin (which has one reader). */
  public static synchronized ConsoleAdministrator create() {
    if (standard == null) {
      standard = new ConsoleAdministrator(new PrintWriter(System.err, true), System.in);
    }
    return standard;
  }

  @Override
  public void tell(String message) {
    out.println(message);
    out.flush();
  }

  @Override
  public boolean openBrowser(URI url) {
    return SystemBrowser.open(url);
  }

  @Override
  public Optional<String> ask(String prompt, Duration timeout) {
    out.print(prompt + " ");
    out.flush();
    startReader();
    try {
      String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return line == null || line.equals(END) ? Optional.empty() : Optional.of(line.strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private synchronized void startReader() {
    if (reader != null) {
      return;
    }
    reader = new Thread(() -> {
      BufferedReader input = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
      try {
        String line;
        while ((line = input.readLine()) != null) {
          lines.put(line);
        }
        while (true) {
          lines.put(END);
        }
      } catch (IOException | InterruptedException e) {
        // stdin closed or the JVM is ending: nothing more to read
      }
    }, "maildiag-console-reader");
    reader.setDaemon(true);
    reader.start();
  }
}
