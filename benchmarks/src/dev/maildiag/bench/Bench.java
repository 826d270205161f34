package dev.maildiag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the figures named on the command line (1, 2, 3, 4, 6, 7; 5 has its own script) and appends each
 * one's markdown section to the given file. {@code benchmarks/run} calls it; see docs/proving.md.
 */
public final class Bench {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    List<String> figures = List.of(args).subList(1, args.length);
    boolean quick = Boolean.getBoolean("bench.quick");
    for (String figure : figures) {
      System.err.println("bench: figure " + figure + "...");
      Figure f = switch (figure) {
        case "1" -> OverheadFigure.run(quick ? 5 : 30, quick ? 5 : 30);
        case "2" -> SilenceFigure.run(quick ? 2 : 5);
        case "3" -> OfflineFigure.run(quick ? 50 : 500);
        case "4" -> MailboxFigure.run(quick ? 5 : 30);
        case "6" -> ConcurrencyFigure.run();
        case "7" -> ParsersFigure.run(quick ? 2 : 5);
        default -> throw new IllegalArgumentException("no figure " + figure);
      };
      Files.writeString(out, f.markdown(), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      System.err.print(f.markdown());
    }
    System.exit(0);
  }

  private Bench() {}
}
