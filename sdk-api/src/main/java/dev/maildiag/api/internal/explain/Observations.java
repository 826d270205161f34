package dev.maildiag.api.internal.explain;

import dev.maildiag.api.Protocol;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Observation;
import java.util.Locale;

/** Observations from what a user hands over offline: a text, and maybe the provider and protocol it came from. */
public final class Observations {
  private Observations() {}

  /**
   * An offline observation. {@code provider} is {@code microsoft}, {@code google}, {@code auto} or anything
   * else (taken as unknown); {@code auto} guesses from the text. {@code protocol} may be any label; only
   * imap, pop3 and smtp (and their variants) are kept.
   */
  public static Observation of(String text, String provider, String protocol) {
    return new Observation(text, null, protocol(protocol), provider(provider, text), new Facts(), null);
  }

  static Protocol protocol(String label) {
    if (label == null) {
      return null;
    }
    try {
      return Protocol.parse(label);
    } catch (IllegalArgumentException notAMailProtocol) {
      return null;
    }
  }

  static String provider(String label, String text) {
    String p = label == null ? "auto" : label.trim().toLowerCase(Locale.ROOT);
    switch (p) {
      case "microsoft": case "google": return p;
      case "auto": return guessProvider(text);
      default: return null;
    }
  }

  /** The provider a text names unmistakably (a host or an error-code family), or null. */
  public static String guessProvider(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    boolean microsoft = t.contains("aadsts") || t.contains("office365") || t.contains("outlook.com") || t.contains("microsoftonline")
        || t.contains("outlook.office") || t.contains("prod.outlook") || t.contains("partner.outlook.cn");
    boolean google = t.contains("gmail") || t.contains("google") || t.contains("gsmtp");
    return microsoft == google ? null : microsoft ? "microsoft" : "google";
  }
}
