package dev.maildiag.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}) for tests of the HTML pages: the DOM after loading, the console
 * messages the page caused (Chromium logs them as {@code CONSOLE} lines on stderr), a screenshot and a PDF.
 * Each run has a fresh profile and no background networking, so that anything on the network is the page's.
 */
record Chromium(Path binary, Path work) {
  private static final long TIMEOUT_SECONDS = 60;

  /** The DOM as serialised after load, and the page's console messages. */
  record Loaded(String dom, List<String> console) {}

  /** Chromium from {@code MAILDIAG_CHROMIUM} or the usual places, if installed. */
  static Optional<Path> find() {
    String configured = System.getenv("MAILDIAG_CHROMIUM");
    return Stream.concat(Stream.ofNullable(configured), Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"))
        .map(Path::of).filter(Files::isExecutable).findFirst();
  }

  Loaded load(Path page) throws IOException, InterruptedException {
    Path stderr = work.resolve(page.getFileName() + ".stderr.txt");
    String dom = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString()), stderr);
    List<String> console = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().filter(l -> l.contains(":CONSOLE")).toList();
    return new Loaded(dom, console);
  }

  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png, page.toUri().toString()), null);
  }

  void pdf(Path page, Path pdf) throws IOException, InterruptedException {
    run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString()), null);
  }

  private String run(List<String> args, Path stderr) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions"));
    command.addAll(args);
    Path stdout = Files.createTempFile(work, "stdout", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stderr.toFile())).start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
      Files.deleteIfExists(stdout);
    }
  }
}
