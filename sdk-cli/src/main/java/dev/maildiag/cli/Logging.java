package dev.maildiag.cli;

/** Sets up slf4j-simple: quiet by default, debug with --debug, always on stderr. */
final class Logging {
  private Logging() {}

  static void configure(boolean debug) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    // GreenMail and WireMock in the demo's simulations are noisy and say nothing about the diagnosis
    System.setProperty("org.slf4j.simpleLogger.log.com.icegreen", debug ? "info" : "off");
  }
}
