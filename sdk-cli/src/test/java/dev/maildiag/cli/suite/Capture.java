package dev.maildiag.cli.suite;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything a diagnosis may print while it runs: System.out, System.err (where slf4j-simple writes) and
 * java.util.logging at its most verbose level (where Angus Mail's protocol trace goes at FINEST).
 */
final class Capture implements AutoCloseable {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final Logger julRoot = Logger.getLogger("");
  private final Level originalLevel = julRoot.getLevel();
  private final Handler jul = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      // no lock of our own: PrintStream locks itself, then the buffer; taking the buffer first deadlocks
      stream.print(format.format(record));
    }

    @Override public void flush() {}
    @Override public void close() {}
  };

  private Capture() {
    System.setOut(stream);
    System.setErr(stream);
    jul.setLevel(Level.ALL);
    julRoot.setLevel(Level.ALL);
    julRoot.addHandler(jul);
  }

  static Capture start() {
    return new Capture();
  }

  String text() {
    stream.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    julRoot.removeHandler(jul);
    julRoot.setLevel(originalLevel);
    System.setOut(originalOut);
    System.setErr(originalErr);
  }
}
