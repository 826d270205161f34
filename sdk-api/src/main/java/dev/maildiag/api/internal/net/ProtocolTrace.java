package dev.maildiag.api.internal.net;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A bounded capture of Angus Mail's protocol trace. Angus suppresses SASL payloads in its trace unless
 * {@code mail.debug.auth} is set, which maildiag never sets, so the trace holds commands and answers but no token.
 */
public final class ProtocolTrace {
  /** Largest trace kept; later output is dropped. */
  static final int MAX_BYTES = 64 * 1024;

  private final Bounded buffer = new Bounded(MAX_BYTES);
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  public PrintStream printStream() {
    return out;
  }

  public String text() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  /** The trace's lines, without Angus' own DEBUG chatter. */
  public List<String> protocolLines() {
    return text().lines().filter(l -> !l.startsWith("DEBUG")).toList();
  }

  private static final class Bounded extends ByteArrayOutputStream {
    private final int max;

    Bounded(int max) {
      this.max = max;
    }

    @Override
    public synchronized void write(int b) {
      if (count < max) {
        super.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      super.write(b, off, Math.max(0, Math.min(len, max - count)));
    }
  }

  @Override
  public String toString() {
    return "ProtocolTrace[" + buffer.size() + " bytes]";
  }

}
