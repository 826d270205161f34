package dev.maildiag.cli;

/** Bad usage or a configuration that cannot be read: exit code 2 with one clear line. */
final class UsageProblem extends RuntimeException {
  UsageProblem(String message) {
    super(message, null, false, false);
  }
}
