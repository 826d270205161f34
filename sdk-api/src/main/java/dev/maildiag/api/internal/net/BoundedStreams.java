package dev.maildiag.api.internal.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A byte budget for everything read from a mail peer, whichever library reads it: maildiag's own wire
 * code, or Angus Mail during and after login (through the socket factories of {@link MailSessions}). A
 * line longer than {@link #MAX_LINE}, an IMAP literal announced larger than {@link #MAX_LITERAL} (refused
 * before Angus would allocate room for it), or more than {@link #MAX_TOTAL} bytes on one connection ends
 * the read with a {@link BudgetExceededException} whose message starts with {@value #STOPPED}. A hostile
 * server can so cost a diagnosis at most a few megabytes of heap, never the host product's.
 */
public final class BoundedStreams {
  /** Start of every budget message, so that a finding can tell a refused answer from a broken connection. */
  public static final String STOPPED = "maildiag stopped reading";
  /** Longest line read; mail servers answer in lines of a few hundred bytes. */
  public static final int MAX_LINE = 64 * 1024;
  /** Largest IMAP literal accepted; a diagnosis reads folder names and counts, never message bodies. */
  public static final long MAX_LITERAL = 1024 * 1024;
  /** Most bytes read on one connection. */
  public static final long MAX_TOTAL = 16L * 1024 * 1024;

  /**
   * The budget's last refusal on this thread. Angus Mail turns an IOException into a closed store and a message
   * of its own ("the connection ended"), so the check that reads on this thread asks here why.
   */
  private static final ThreadLocal<String> LAST_REFUSAL = new ThreadLocal<>();

  private BoundedStreams() {}

  /** What the budget refused last on this thread (without the {@value #STOPPED} prefix), and forgets it; or null. */
  public static String takeRefusal() {
    String last = LAST_REFUSAL.get();
    LAST_REFUSAL.remove();
    return last;
  }

  /** {@code in} within the default budget, reading plain protocol text. */
  public static InputStream bounded(InputStream in) {
    return in instanceof Budgeted ? in : new Budgeted(in, MAX_LINE, MAX_LITERAL, MAX_TOTAL);
  }

  /** {@code in} within a budget of its own (tests use small ones). */
  static Budgeted bounded(InputStream in, int maxLine, long maxLiteral, long maxTotal) {
    return new Budgeted(in, maxLine, maxLiteral, maxTotal);
  }

  /** A read refused by the budget. */
  public static final class BudgetExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    BudgetExceededException(String what) {
      super(STOPPED + ": " + what);
    }
  }

  /** Counts what passes and watches lines and IMAP literal announcements ({@code {123}} at a line's end). */
  static final class Budgeted extends FilterInputStream {
    private static final int TAIL = 24;
    private final int maxLine;
    private final long maxLiteral;
    private final long maxTotal;
    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private long total;
    private long line;
    private long literalLeft;
    /** Set when TLS is layered on top: the bytes are ciphertext, so only their number means anything. */
    private volatile boolean encrypted;
    private IOException failed;

    Budgeted(InputStream in, int maxLine, long maxLiteral, long maxTotal) {
      super(in);
      this.maxLine = maxLine;
      this.maxLiteral = maxLiteral;
      this.maxTotal = maxTotal;
    }

    /** From now on only counts bytes: a TLS layer reads ciphertext through this stream. */
    void carriesTls() {
      encrypted = true;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      if (failed != null) {
        throw failed;
      }
      int n = super.read(b, off, len);
      if (n > 0) {
        inspect(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
      int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
      return Math.max(0, read);
    }

    private void inspect(byte[] b, int off, int n) throws IOException {
      total += n;
      if (total > maxTotal) {
        fail("the server sent more than " + size(maxTotal) + " on one connection");
      }
      if (encrypted) {
        return;
      }
      int end = off + n;
      for (int i = off; i < end; i++) {
        if (literalLeft > 0) {
          long skip = Math.min(literalLeft, end - i);
          literalLeft -= skip;
          i += (int) skip - 1;
          continue;
        }
        byte c = b[i];
        if (c == '\n') {
          literalLeft = announcedLiteral();
          line = 0;
          tailLength = 0;
        } else {
          if (++line > maxLine) {
            fail("the server sent a line longer than " + size(maxLine));
          }
          if (tailLength == TAIL) {
            System.arraycopy(tail, 1, tail, 0, TAIL - 1);
            tailLength--;
          }
          tail[tailLength++] = c;
        }
      }
    }

    /** The size of the IMAP literal the line just ended announces ({@code {n}} or {@code {n+}}), or 0. */
    private long announcedLiteral() throws IOException {
      int end = tailLength;
      if (end > 0 && tail[end - 1] == '\r') {
        end--;
      }
      if (end < 3 || tail[end - 1] != '}') {
        return 0;
      }
      int i = end - 2;
      if (tail[i] == '+') {
        i--;
      }
      int digitsEnd = i + 1;
      while (i >= 0 && tail[i] >= '0' && tail[i] <= '9') {
        i--;
      }
      if (i < 0 || tail[i] != '{' || i + 1 == digitsEnd) {
        return 0;
      }
      long size = 0;
      for (int d = i + 1; d < digitsEnd; d++) {
        size = size * 10 + (tail[d] - '0');
        if (size > maxLiteral) {
          fail("the server announced a literal larger than " + size(maxLiteral) + " (" + (digitsEnd - i - 1) + " digits)");
        }
      }
      return size;
    }

    private void fail(String what) throws IOException {
      LAST_REFUSAL.set(what);
      failed = new BudgetExceededException(what);
      throw failed;
    }

    private static String size(long bytes) {
      return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes >= 1024 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
  }
}
