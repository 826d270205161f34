package dev.maildiag.api.internal.signin;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Opens the system browser when this machine has one: {@link Desktop} when it supports browsing, else
 * {@code xdg-open} when a display is set (without one, xdg-open falls back to a text browser that would take
 * over the terminal). The caller prints the URL either way.
 */
public final class SystemBrowser {
  private SystemBrowser() {}

  /** True when a browser was asked to open the URL. */
  public static boolean open(URI url) {
    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
      return false;
    }
    try {
      if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(url);
        return true;
      }
    } catch (Exception | LinkageError noDesktop) {
      // no usable desktop integration: try xdg-open
    }
    if (!hasDisplay() || !onPath("xdg-open")) {
      return false;
    }
    try {
      Process p = new ProcessBuilder("xdg-open", url.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      // xdg-open hands the URL to the browser and exits; a non-zero exit means it found none
      return !p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() == 0;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  static boolean hasDisplay() {
    return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && new File(dir, program).canExecute()) {
        return true;
      }
    }
    return false;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
