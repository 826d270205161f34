package dev.maildiag.bench;

import dev.maildiag.api.internal.Redactor;
import dev.maildiag.api.internal.explain.HarAnalyzer;
import dev.maildiag.api.internal.explain.LogScanner;
import dev.maildiag.api.internal.explain.Observations;
import dev.maildiag.api.internal.report.TerminalText;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.TokenError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Figure 7: every parser of user or peer text in linear time. Each parser reads adversarial inputs (the
 * phrases its patterns look for, repeated without a line break, and random Base64) of 64 KiB, 256 KiB and
 * 1 MiB; the figure is the time per MiB at 1 MiB over the time per MiB at 64 KiB (1.0 is perfectly flat;
 * a quadratic parser gives 16). Target: at most 2x for every parser and input.
 */
final class ParsersFigure {
  static final int KIB = 1024;
  static final int[] SIZES = {64 * KIB, 256 * KIB, 1024 * KIB};

  private ParsersFigure() {}

  static Figure run(int repetitions) {
    Explainer explainer = Explainer.discover();
    LogScanner scanner = LogScanner.of(explainer, null);
    Redactor redactor = Redactor.of(List.of("Zx91kLmNoPqRsTuVwXyZ0123-secret", "another-Secret-4d8e1f2a9b"));
    Map<String, Consumer<String>> parsers = new LinkedHashMap<>();
    parsers.put("explain (every interpreter)", text -> explainer.explain(Observations.of(text, "auto", null)));
    parsers.put("explain --provider google", text -> explainer.explain(Observations.of(text, "google", "imap")));
    parsers.put("redaction", redactor::redact);
    parsers.put("log scan", text -> {
      try {
        scanner.scanAnyStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
    parsers.put("token endpoint error", text -> TokenError.parse(400,
        "{\"error\":\"invalid_grant\",\"error_description\":\"" + text.replace("\\", "").replace("\"", "") + "\"}"));
    parsers.put("terminal escaping", TerminalText::block);
    parsers.put("HAR (one entry, the text as URL and as repeated headers)", text -> {
      try {
        HarAnalyzer.analyze(new ByteArrayInputStream(har(text).getBytes(StandardCharsets.UTF_8)));
      } catch (java.io.IOException e) {
        // a refusal with a message is an answer too
      }
    });
    Map<String, IntFunction<String>> inputs = new LinkedHashMap<>();
    inputs.put("'XOAUTH2 ' repeated", n -> repeat("XOAUTH2 ", n));
    inputs.put("'A1 NO AUTHENTICATE failed. ' repeated", n -> repeat("A1 NO AUTHENTICATE failed. ", n));
    inputs.put("trigger phrases mixed", n -> mixed(n));
    inputs.put("random Base64", n -> base64(n));

    Figure f = new Figure("7. Parsers of user and peer text: time per MiB, 1 MiB vs 64 KiB");
    double worst = 0;
    for (Map.Entry<String, Consumer<String>> p : parsers.entrySet()) {
      for (Map.Entry<String, IntFunction<String>> in : inputs.entrySet()) {
        double[] perMib = new double[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
          String text = in.getValue().apply(SIZES[s]);
          p.getValue().accept(text); // warm-up
          long best = Long.MAX_VALUE;
          for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime();
            p.getValue().accept(text);
            best = Math.min(best, System.nanoTime() - t0);
          }
          perMib[s] = best / 1e6 / (SIZES[s] / (1024.0 * 1024));
        }
        double ratio = perMib[2] / perMib[0];
        worst = Math.max(worst, ratio);
        f.row(p.getKey() + ", " + in.getKey(), String.format(Locale.ROOT, "%.2fx (%.1f / %.1f / %.1f ms per MiB at 64 KiB / 256 KiB / 1 MiB)",
            ratio, perMib[0], perMib[1], perMib[2]), "<= 2x", ratio <= 2.0);
      }
    }
    f.note(String.format(Locale.ROOT, "Worst ratio: %.2fx. Best of %d runs per size after one warm-up run; a quadratic parser would "
        + "show about 16x.", worst, repetitions));
    return f;
  }

  static String repeat(String unit, int bytes) {
    StringBuilder sb = new StringBuilder(bytes);
    while (sb.length() < bytes) {
      sb.append(unit);
    }
    sb.setLength(bytes);
    return sb.toString();
  }

  static String mixed(int bytes) {
    String[] phrases = {"eyJ", "token=", "Bearer ", "dXNlcj", "https://", "{\"status\":", "secret ", "AUTH ", "%3D", "AADSTS50000 ",
        "password: ", "xoauth2 ", "(400)", "failed: 334", "eyJhbGciOi.", "user@", "{999}", "\\\"", "Basic ", "code="};
    Random random = new Random(7);
    StringBuilder sb = new StringBuilder(bytes);
    while (sb.length() < bytes) {
      sb.append(phrases[random.nextInt(phrases.length)]);
      if (random.nextInt(4) == 0) {
        sb.append((char) ('a' + random.nextInt(26)));
      }
    }
    sb.setLength(bytes);
    return sb.toString();
  }

  static String base64(int bytes) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    Random random = new Random(11);
    StringBuilder sb = new StringBuilder(bytes);
    for (int i = 0; i < bytes; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** A HAR whose one entry has the text as its URL's path and, cut in 100-byte pieces, as 'X-Node' headers. */
  static String har(String text) {
    String clean = text.replaceAll("[\"\\\\]", "_");
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < clean.length(); i += 100) {
      headers.append(headers.length() == 0 ? "" : ",").append("{\"name\":\"Set-Cookie\",\"value\":\"")
          .append(clean, i, Math.min(clean.length(), i + 100)).append("\"}");
    }
    return "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"https://jira.example.com/" + clean.replace(' ', '_')
        + "\"},\"response\":{\"status\":200,\"headers\":[" + headers + "]}}]}}";
  }
}
