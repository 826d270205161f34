package dev.maildiag.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands' flags, declared through picocli's programmatic API, and the values given for them. Not through
 * annotations: picocli reads those by reflection, and the JDK generates a proxy class for every annotation type it
 * reads, which alone cost every command some 30 ms of start-up (benchmarks/RESULTS.md). The help text is the same.
 */
final class Flags {
  private Flags() {}

  /** A command whose {@code call()} or {@code run()} picocli calls; every command answers -V with maildiag's version. */
  static CommandSpec command(String name, Object command, String[] description, String[] footer) {
    // no ${...} variables in maildiag's texts: picocli need not look for them in every text it reads
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).interpolateVariables(false);
    spec.usageMessage().description(description).footer(footer);
    spec.parser().caseInsensitiveEnumValuesAllowed(true); // --format JSON or json
    spec.versionProvider(new VersionProvider());
    return spec;
  }

  /** The -h/--help and -V/--version flags, added where picocli's standard help options would be. */
  static void addStandardHelp(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
  }

  /** A flag with a text value. */
  static OptionSpec text(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(String.class).description(description).build();
  }

  /** A flag with a text value and a default. */
  static OptionSpec text(String name, String label, String defaultValue, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(String.class).defaultValue(defaultValue).description(description).build();
  }

  /** A flag with a whole number and a default. */
  static OptionSpec number(String name, String label, String defaultValue, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(int.class).defaultValue(defaultValue).description(description).build();
  }

  /** A flag naming a file (a path picocli checks for syntax). */
  static OptionSpec file(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(Path.class).description(description).build();
  }

  /** {@code -o/--output}. */
  static OptionSpec output(String label, String description) {
    return OptionSpec.builder("-o", "--output").paramLabel(label).type(Path.class).description(description).build();
  }

  /** {@code --format}, text by default. */
  static OptionSpec format(String description) {
    return OptionSpec.builder("--format").paramLabel("text|json|html|markdown").type(Format.class).defaultValue("text")
        .description(description).build();
  }

  /** A switch. */
  static OptionSpec on(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).description(description).build();
  }

  /** The value given for a flag (or its default); null when neither. */
  @SuppressWarnings("unchecked")
  static <T> T value(CommandSpec spec, String name) {
    return (T) spec.findOption(name).getValue();
  }

  /** A flag's value as text (a file's path as given); null when not given. */
  static String text(CommandSpec spec, String name) {
    Object value = spec.findOption(name).getValue();
    return value == null ? null : value.toString();
  }

  /** Whether a switch was given. */
  static boolean on(CommandSpec spec, String name) {
    return Boolean.TRUE.equals(spec.findOption(name).getValue());
  }

  /** The values of a repeatable flag; empty when not given. */
  static List<String> list(CommandSpec spec, String name) {
    List<String> values = value(spec, name);
    return values == null ? List.of() : values;
  }

  /** The KEY=VALUE pairs of a map flag such as -D; empty when not given. */
  static Map<String, String> map(CommandSpec spec, String name) {
    Map<String, String> values = value(spec, name);
    return values == null ? Map.of() : values;
  }
}
