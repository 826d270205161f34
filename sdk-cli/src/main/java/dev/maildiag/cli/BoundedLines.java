package dev.maildiag.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of input of any size in bounded memory: a line longer than the limit is skipped to its end
 * (and reported as such), bytes that are not UTF-8 become U+FFFD instead of ending the input.
 */
final class BoundedLines {
  /** One line; {@code text} is null when the line was longer than the limit. */
  record Line(String text, long bytes) {
    boolean tooLong() {
      return text == null;
    }
  }

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;

  BoundedLines(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line without its line end, or null at the end of the input. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long length = 0;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          return done(line, length);
        }
      }
      any = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      length += n;
      if (length <= maxBytes) {
        line.write(buffer, start, n);
      }
      if (pos < limit) {
        pos++; // the '\n'
        return done(line, length);
      }
    }
  }

  private Line done(ByteArrayOutputStream line, long length) {
    if (length > maxBytes) {
      return new Line(null, length);
    }
    byte[] bytes = line.toByteArray();
    int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return new Line(new String(bytes, 0, n, StandardCharsets.UTF_8), length);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
