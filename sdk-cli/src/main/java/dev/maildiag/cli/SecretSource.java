package dev.maildiag.cli;

import dev.maildiag.api.Secret;
import java.nio.file.Path;
import java.util.Map;

/** Reads a secret from a flag, an environment variable or a file, so it can stay out of shell history. */
final class SecretSource {
  private static final int MAX_FILE_BYTES = 64 * 1024;
  private final Map<String, String> env;

  SecretSource(Map<String, String> env) {
    this.env = env;
  }

  /** The secret, from the first source given: flag, named variable, file, then the default variable. */
  Secret read(String what, String flagValue, String envName, Path file, String defaultEnv) {
    if (flagValue != null) {
      return Secret.ofNullable(flagValue);
    }
    if (envName != null) {
      String v = env.get(envName);
      if (v == null) {
        throw new UsageProblem("the environment variable " + envName + " for the " + what + " is not set");
      }
      return Secret.ofNullable(v.strip());
    }
    if (file != null) {
      // never Files.size: a device file says 0 and never ends, a FIFO has no size at all
      return Secret.ofNullable(InputFiles.readSmall("the " + what + " file", file, MAX_FILE_BYTES).strip());
    }
    return defaultEnv == null ? null : Secret.ofNullable(env.get(defaultEnv));
  }
}
