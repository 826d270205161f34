package dev.maildiag.api.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction every text from a peer or from the user's input passes before it is shown: findings,
 * progress lines, log lines, exception messages, explained logs and HAR values.
 *
 * <p>It knows the secrets it was given in every form that can carry them: as they are, URL-encoded,
 * JSON-escaped, and Base64 (standard, URL-safe and URL-encoded) at <em>any</em> offset of a longer Base64
 * text, which covers the SASL XOAUTH2 and PLAIN payloads whatever precedes the secret in them. Any piece of
 * {@value #GRAM} or more characters of one of those forms is blanked, so a server that echoes half a token,
 * or a message cut in the middle of one, shows none of it. On top it blanks what looks like a secret
 * whoever's it is: bearer and basic credentials, JWTs, SASL payloads, URL user-info, and the values of
 * token, secret, password, code and key parameters.
 *
 * <p>Linear in the text: the secret forms are matched with a rolling hash over fixed-length pieces, and every
 * pattern below is anchored so that each character starts at most a bounded amount of work.
 */
public final class Redactor {
  public static final String MARK = Secret.REDACTED;
  /** The shortest piece of a secret's form that is recognised inside other text. */
  static final int GRAM = 8;
  /** Secrets shorter than this are not secrets worth the name; matching them would blank ordinary words. */
  static final int MIN_SECRET = 4;
  private static final long BASE = 1_000_003L;
  /** {@code BASE} to the power {@code GRAM - 1}: what the character leaving the rolling hash weighs. */
  private static final long POW = power(BASE, GRAM - 1);

  static final String KEYWORDS = "access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|client[_-]?assertion"
      + "|code[_-]?verifier|assertion|password|passwd|passphrase|pwd|pass|secret|token|api[_-]?key|apikey|x-api-key"
      + "|session[_-]?state|jsessionid|set-cookie|cookie|authorization|private[_-]?key";
  /** Separator between a keyword and its value: {@code =}, {@code :}, URL-encoded ones, or spaces. */
  private static final String QUOTE = "(?:\\\\?[\"']|%22|&quot;)?";
  private static final Pattern SHAPES = Pattern.compile(
      // 1: scheme of a URL with user-info: https://user:pass@host
      "(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30}://)[^/\\s@?#\"'<>]{1,512}+@"
          // 2: HTTP and SASL credentials
          + "|(?i:(?<![A-Za-z0-9])((?:bearer|basic|negotiate|ntlm|xoauth2|oauthbearer|plain)\\s{1,8}+))[A-Za-z0-9._~+/=%-]{6,}+"
          // JWTs (3 parts, or a long JOSE header) and base64 of "user=" (an XOAUTH2 payload)
          + "|(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{6,}+(?:\\.[A-Za-z0-9_-]*+){0,2}"
          + "|(?<![A-Za-z0-9+/])dXNlcj[A-Za-z0-9+/=]{6,}+"
          // 3: keyword, then = or : (perhaps quoted or URL-encoded), then any value
          + "|(?i:(?<![A-Za-z0-9])((?:" + KEYWORDS + ")" + QUOTE + "(?:\\s{0,8}+[:=]|%3[adAD])\\s{0,8}+" + QUOTE + "))"
          + "(?i:(?:bearer|basic|negotiate|ntlm)\\s{1,8}+)?[^\\s\"'&,;}<>\\\\]++"
          // 4: keyword, then a space or two, then a long token-looking value
          + "|(?i:(?<![A-Za-z0-9])((?:" + KEYWORDS + ")(?:\\s{1,8}+(?:is\\s{1,8}+)?)" + QUOTE + "))"
          + "(?=[A-Za-z0-9._~+/=-]{20})(?=[A-Za-z._~+/=-]{0,40}+[0-9])[A-Za-z0-9._~+/=-]++"
          // 5: URL parameters that carry a credential only as parameters: an authorization code, a signature
          + "|(?<![A-Za-z0-9_-])((?i:code|sig|signature|code_challenge|otp)(?:=|%3[dD]))[^\\s\"'&,;}<>\\\\]++");

  private static final Redactor SHAPES_ONLY = new Redactor(List.of());
  /** The redaction of the diagnosis whose check runs on this thread; see {@link #current()}. */
  private static final ThreadLocal<Redactor> CURRENT = new ThreadLocal<>();

  private final List<String> secrets;
  private final LongSet grams;
  private final List<String> shortForms;

  private Redactor(Collection<String> secrets) {
    this.secrets = List.copyOf(new LinkedHashSet<>(secrets));
    // a list, not a set: hashing every long form into a set costs more than the gram set's own dedup of repeats
    List<String> forms = new ArrayList<>();
    for (String s : this.secrets) {
      forms.addAll(forms(s));
    }
    List<String> shortOnes = new ArrayList<>();
    int grams = 0;
    for (String f : forms) {
      grams += Math.max(0, f.length() - GRAM + 1);
    }
    LongSet set = new LongSet(grams); // sized once: a diagnosis makes its redactor each time, pre-flights included
    for (String f : forms) {
      if (f.length() < GRAM) {
        if (f.length() >= MIN_SECRET && !shortOnes.contains(f)) {
          shortOnes.add(f);
        }
        continue;
      }
      long h = 0;
      for (int i = 0; i < f.length(); i++) {
        if (i >= GRAM) {
          h -= f.charAt(i - GRAM) * POW;
        }
        h = h * BASE + f.charAt(i);
        if (i >= GRAM - 1) {
          set.add(h);
        }
      }
    }
    this.grams = set;
    this.shortForms = List.copyOf(shortOnes);
  }

  /** A redactor that knows no secret: it blanks only what looks like one. */
  public static Redactor shapes() {
    return SHAPES_ONLY;
  }

  /**
   * The redaction of the check running on this thread (the runner sets it for the check's run), else
   * {@link #shapes()}. Lets the helpers every check uses to quote a peer redact before they shorten a text,
   * so that no cut-off piece of a secret is left for the runner's own pass to miss.
   */
  public static Redactor current() {
    Redactor r = CURRENT.get();
    return r == null ? SHAPES_ONLY : r;
  }

  /** Runs {@code work} with this redactor as {@link #current()} on this thread. */
  public <T> T applyingTo(java.util.function.Supplier<T> work) {
    Redactor before = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  /** A redactor for these secret texts (nulls and short ones are ignored). */
  public static Redactor of(Collection<String> secrets) {
    List<String> usable = secrets.stream().filter(s -> s != null && s.strip().length() >= MIN_SECRET).toList();
    return usable.isEmpty() ? SHAPES_ONLY : new Redactor(usable);
  }

  /** A redactor for every secret of a context: client secret, tokens, password and proxy passwords. */
  public static Redactor forContext(DiagnosticContext context) {
    return SHAPES_ONLY.with(secretsOf(context));
  }

  /** Every secret a context holds. */
  public static List<Secret> secretsOf(DiagnosticContext context) {
    List<Secret> all = new ArrayList<>();
    all.add(context.oauth().clientSecret());
    all.add(context.tokens().accessToken());
    all.add(context.tokens().refreshToken());
    all.add(context.tokens().password());
    DiagnosticContext.NetworkSettings n = context.network();
    List<DiagnosticContext.ProxyServer> proxies = new ArrayList<>();
    proxies.add(n.httpProxy());
    proxies.add(n.httpsProxy());
    proxies.add(n.socksProxy());
    proxies.addAll(n.mailProxies().values());
    proxies.addAll(n.mailSocksProxies().values());
    proxies.stream().filter(p -> p != null).forEach(p -> all.add(p.password()));
    return all;
  }

  /** This redactor, knowing these secrets too; itself when they add nothing. */
  public Redactor with(Collection<Secret> more) {
    List<String> added = new ArrayList<>(secrets);
    boolean changed = false;
    for (Secret s : more) {
      if (s != null && s.length() >= MIN_SECRET) {
        String v = s.reveal();
        if (!secrets.contains(v)) {
          added.add(v);
          changed = true;
        }
      }
    }
    return changed ? new Redactor(added) : this;
  }

  /** The text with every known secret, in any of its forms, and everything shaped like a secret replaced by {@value #MARK}. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String known = secrets.isEmpty() ? text : blankKnown(text);
    return blankShapes(known);
  }

  /** A throwable's class and message with every cause's, redacted; for a log line instead of a raw stack trace. */
  public String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
      sb.append(depth == 0 ? "" : "; caused by ").append(t.getClass().getName());
      if (t.getMessage() != null) {
        sb.append(": ").append(t.getMessage());
      }
      StackTraceElement[] frames = t.getStackTrace();
      if (frames.length > 0) {
        sb.append(" at ").append(frames[0]);
      }
    }
    return redact(sb.toString());
  }

  private String blankKnown(String text) {
    int n = text.length();
    boolean[] hidden = new boolean[n];
    boolean any = false;
    if (n >= GRAM && grams.size() > 0) {
      long h = 0;
      for (int i = 0; i < n; i++) {
        if (i >= GRAM) {
          h -= text.charAt(i - GRAM) * POW;
        }
        h = h * BASE + text.charAt(i);
        if (i >= GRAM - 1 && grams.contains(h)) {
          Arrays.fill(hidden, i - GRAM + 1, i + 1, true);
          any = true;
        }
      }
    }
    for (String f : shortForms) {
      for (int at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
        Arrays.fill(hidden, at, at + f.length(), true);
        any = true;
      }
    }
    if (!any) {
      return text;
    }
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      if (!hidden[i]) {
        sb.append(text.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        sb.append(MARK);
      }
    }
    return sb.toString();
  }

  /*
   * What a text must hold for an alternative of SHAPES to match it (in lower case): a text with none of these cannot
   * match, and skipping the pattern for it makes redaction cheap for the many plain texts a diagnosis reports. Kept
   * beside the pattern; RedactorTest proves the two agree.
   */
  /** Alternative 1 (URL user-info) holds "://" and then an '@'. */
  private static final String USER_INFO = "://";
  /** Alternative 2 (credentials after a scheme), the JWT and the XOAUTH2 payload alternatives: a literal each. */
  private static final List<String> SCHEME_LITERALS = List.of("bearer", "basic", "negotiate", "ntlm", "xoauth2", "plain", "eyj",
      "dxnlcj");
  /**
   * Alternatives 3 and 4 (a keyword, then a value): every keyword holds one of these, and the value follows a ':',
   * an '=' or a URL-encoded one (alternative 3) or holds a digit (alternative 4).
   */
  private static final List<String> KEYWORD_LITERALS = List.of("token", "secret", "assertion", "verifier", "pass", "pwd", "key",
      "state", "jsessionid", "cookie", "authorization");
  /** Alternative 5 (credential parameters): the name, then '=' or a URL-encoded one. */
  private static final List<String> PARAMETER_LITERALS = List.of("code", "sig", "otp");

  static boolean mayHoldShape(String text) {
    boolean separator = false;
    boolean digit = false;
    boolean at = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      separator |= c == ':' || c == '=' || c == '%';
      digit |= c >= '0' && c <= '9';
      at |= c == '@';
    }
    // ASCII case-folding is all the pattern does (no UNICODE_CASE), and it keeps every ASCII literal contiguous
    String lower = text.toLowerCase(Locale.ROOT);
    return at && lower.contains(USER_INFO)
        || containsAny(lower, SCHEME_LITERALS)
        || (separator || digit) && containsAny(lower, KEYWORD_LITERALS)
        || separator && containsAny(lower, PARAMETER_LITERALS);
  }

  private static boolean containsAny(String text, List<String> literals) {
    for (String literal : literals) {
      if (text.contains(literal)) {
        return true;
      }
    }
    return false;
  }

  private static String blankShapes(String text) {
    return mayHoldShape(text) ? blankShapesByPattern(text) : text;
  }

  static String blankShapesByPattern(String text) {
    Matcher m = SHAPES.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int last = 0;
    do {
      String kept = null;
      for (int g = 1; g <= 5 && kept == null; g++) {
        kept = m.group(g);
      }
      if (m.group(2) != null && !looksLikeToken(text.substring(m.end(2), m.end()))) {
        continue; // "basic authentication is disabled": a word, not a credential
      }
      sb.append(text, last, m.start());
      if (kept != null) {
        sb.append(kept);
      }
      sb.append(MARK);
      if (m.group(1) != null) {
        sb.append('@');
      }
      last = m.end();
    } while (m.find());
    return sb.append(text, last, text.length()).toString();
  }

  /** A credential rather than a word: a digit or a symbol in it, or capitals after its first letter. */
  private static boolean looksLikeToken(String value) {
    if (value.length() < 8) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isLetter(c) || i > 0 && Character.isUpperCase(c)) {
        return true;
      }
    }
    return false;
  }

  /** Every form of a secret that can reach a text: plain, URL-encoded, JSON-escaped, and Base64 at any offset; each once. */
  static List<String> forms(String secret) {
    List<String> forms = new ArrayList<>(16);
    addForm(forms, secret);
    String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    addForm(forms, urlEncoded);
    addForm(forms, urlEncoded.replace("+", "%20"));
    addForm(forms, new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
    addForm(forms, secret.replace("/", "\\/"));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset < 3; offset++) {
      String aligned = aligned(bytes, offset);
      addForm(forms, aligned);
      addForm(forms, aligned.replace('+', '-').replace('/', '_'));
      addForm(forms, aligned.replace("+", "%2B").replace("/", "%2F"));
    }
    return forms;
  }

  private static void addForm(List<String> forms, String form) {
    if (!form.isEmpty()) {
      for (String f : forms) {
        // the hash first: the Base64 variants are as long as each other and alike up to their first '+' or '/'
        if (f.hashCode() == form.hashCode() && f.equals(form)) {
          return;
        }
      }
      forms.add(form);
    }
  }

  /**
   * The part of the Base64 of a longer text that depends only on the secret's bytes, when they start at
   * {@code offset} (mod 3) in it: every Base64 text holding the secret at that offset holds this string.
   */
  private static String aligned(byte[] secret, int offset) {
    byte[] padded = new byte[offset + secret.length];
    System.arraycopy(secret, 0, padded, offset, secret.length);
    String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
    int from = (offset * 8 + 5) / 6;
    int to = Math.min(encoded.length(), (offset + secret.length) * 8 / 6);
    return from >= to ? "" : encoded.substring(from, to);
  }

  private static long power(long base, int exponent) {
    long p = 1;
    for (int i = 0; i < exponent; i++) {
      p *= base;
    }
    return p;
  }

  @Override
  public String toString() {
    return "Redactor[" + secrets.size() + " secrets]";
  }

  /**
   * An open-addressing set of longs: millions of lookups per second without boxing. Zero marks an empty slot (the
   * value zero itself is kept aside), so a redactor, made for every diagnosis and pre-flight, fills one array only.
   */
  private static final class LongSet {
    private long[] table;
    private boolean hasZero;
    private int size;

    LongSet(int expected) {
      table = new long[Integer.highestOneBit(Math.max(32, expected)) * 4];
    }

    void add(long v) {
      if (v == 0) {
        size += hasZero ? 0 : 1;
        hasZero = true;
        return;
      }
      if ((size + 1) * 2 > table.length) {
        grow();
      }
      int mask = table.length - 1;
      for (int i = slot(v, mask); ; i = (i + 1) & mask) {
        long t = table[i];
        if (t == v) {
          return;
        }
        if (t == 0) {
          table[i] = v;
          size++;
          return;
        }
      }
    }

    boolean contains(long v) {
      if (v == 0) {
        return hasZero;
      }
      int mask = table.length - 1;
      for (int i = slot(v, mask); ; i = (i + 1) & mask) {
        long t = table[i];
        if (t == v) {
          return true;
        }
        if (t == 0) {
          return false;
        }
      }
    }

    int size() {
      return size;
    }

    private void grow() {
      long[] old = table;
      table = new long[old.length * 2];
      size = hasZero ? 1 : 0;
      for (long v : old) {
        if (v != 0) {
          add(v);
        }
      }
    }

    private static int slot(long v, int mask) {
      long x = v * 0x9E3779B97F4A7C15L;
      return (int) (x >>> 40) & mask;
    }
  }
}
