package dev.maildiag.cli;

/** Sets up slf4j-simple: quiet by default, debug with --debug, always on stderr. */
final class Logging {
  private Logging() {}

  static void configure(boolean debug) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    // the demo's simulated servers (GreenMail, WireMock's "Request was not matched") say nothing about the
    // diagnosis: their stderr is the demo's progress only, unless --debug
    System.setProperty("org.slf4j.simpleLogger.log.com.icegreen", debug ? "info" : "off");
    System.setProperty("org.slf4j.simpleLogger.log.dev.maildiag.testkit", debug ? "debug" : "off");
  }
}
