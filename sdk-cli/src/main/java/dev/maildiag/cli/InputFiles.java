package dev.maildiag.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens and reads the files a user names, whatever they are: regular files, device files ({@code /dev/zero}
 * reports size 0 and never ends), FIFOs (opening one blocks until a writer comes), pipes and process
 * substitution ({@code /dev/stdin}, {@code <(zcat ...)}, which cannot seek). Small files are read with a
 * size cap that counts bytes actually read, and everything within a time limit, so no file option can
 * hang the command or fill the heap.
 */
final class InputFiles {
  /** How long opening (a FIFO waits for its writer) and reading a small file may take. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private InputFiles() {}

  /**
   * The text of a small file (a configuration, a secret), decoded as UTF-8 with bad bytes replaced.
   *
   * @param what what the file is, for the message, e.g. "--config"
   * @throws UsageProblem when it cannot be read, is larger than {@code maxBytes}, or takes longer than {@link #WAIT}
   */
  static String readSmall(String what, Path file, int maxBytes) {
    byte[] bytes = within(what, file, () -> {
      try (InputStream in = new FileInputStream(file.toFile())) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) {
          out.write(buffer, 0, n);
          if (out.size() > maxBytes) {
            throw new UsageProblem(what + " " + file + " is larger than " + maxBytes + " bytes");
          }
        }
        return out.toByteArray();
      }
    });
    return new String(bytes, StandardCharsets.UTF_8); // malformed bytes become U+FFFD, never an exception
  }

  /**
   * A stream over a file of any kind, for reading to its end (a log, a HAR, a batch); stdin for {@code -}.
   * Only opening is timed: a FIFO without a writer is refused after {@link #WAIT}.
   */
  static InputStream open(String what, Path file) {
    if (file.toString().equals("-")) {
      return System.in;
    }
    return within(what, file, () -> new FileInputStream(file.toFile()));
  }

  private interface Work<T> {
    T run() throws IOException;
  }

  private static <T> T within(String what, Path file, Work<T> work) {
    if (Files.isDirectory(file)) {
      throw new UsageProblem(what + " " + file + " is a directory, not a file");
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        result.complete(work.run());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "maildiag-read-file");
    reader.setDaemon(true); // a FIFO nobody writes to keeps it blocked in open(); it must not keep the JVM alive
    reader.start();
    try {
      return result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      reader.interrupt();
      throw new UsageProblem(what + " " + file + " gave nothing to read within " + WAIT.toSeconds()
          + " s (a FIFO without a writer, or a device that never ends?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageProblem("interrupted while reading " + what + " " + file);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UsageProblem u) {
        throw u;
      }
      if (cause instanceof java.io.FileNotFoundException || cause instanceof NoSuchFileException) {
        throw new UsageProblem("cannot read " + what + " " + file + (Files.exists(file) ? ": permission denied?" : ": no such file"));
      }
      throw new UsageProblem("cannot read " + what + " " + file + ": " + cause.getClass().getSimpleName());
    }
  }
}
