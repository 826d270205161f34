package dev.maildiag.cli.suite;

/**
 * Seeded random HAR files: mostly the shape browsers write (log.entries of request/response with url,
 * status, headers, cookies), with fields of the wrong type, missing or repeated, deep nesting and odd text.
 */
final class RandomHar {
  private RandomHar() {}

  static String next(RandomText text) {
    StringBuilder s = new StringBuilder("{\"log\":{\"version\":\"1.2\",");
    if (text.random().nextInt(10) == 0) {
      s.append("\"pages\":").append(value(text, 4)).append(',');
    }
    s.append("\"entries\":");
    if (text.random().nextInt(15) == 0) {
      s.append(value(text, 3));
    } else {
      s.append('[');
      int entries = text.random().nextInt(30);
      for (int i = 0; i < entries; i++) {
        s.append(i == 0 ? "" : ",").append(entry(text));
      }
      s.append(']');
    }
    return s.append("}}").toString();
  }

  private static String entry(RandomText text) {
    return "{\"startedDateTime\":" + pick(text, "\"2026-11-28T10:00:00.000Z\"", value(text, 2))
        + ",\"request\":" + message(text, true) + ",\"response\":" + message(text, false)
        + (text.random().nextInt(5) == 0 ? ",\"extra\":" + value(text, 5) : "") + "}";
  }

  private static String message(RandomText text, boolean request) {
    if (text.random().nextInt(12) == 0) {
      return value(text, 3);
    }
    String[] urls = {"https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&state=abc",
        "https://jira.example.com/plugins/servlet/oauth/callback?code=c&state=abc", "https://accounts.google.com/o/oauth2/v2/auth?x=1",
        "https://jira.example.com/secure/admin/IncomingMailServers.jspa", "not a url", "", "https://[::1/x", "jira.example.com:99999/"};
    StringBuilder s = new StringBuilder("{");
    s.append(request ? "\"method\":" + pick(text, "\"GET\"", "\"POST\"", value(text, 1)) + ",\"url\":" + pick(text,
        json(urls[text.random().nextInt(urls.length)]), value(text, 1)) : "\"status\":" + pick(text, "302", "200", "\"200\"", "-1", "1e99", value(text, 1)));
    s.append(",\"headers\":").append(pick(text, pairs(text), value(text, 2)));
    s.append(",\"cookies\":").append(pick(text, pairs(text), value(text, 2)));
    return s.append('}').toString();
  }

  private static String pairs(RandomText text) {
    String[] names = {"Set-Cookie", "Location", "Cookie", "JSESSIONID", "AWSALB", "X-ANODEID", "BIGipServerpool", "x-node"};
    StringBuilder s = new StringBuilder("[");
    int n = text.random().nextInt(6);
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : ",").append("{\"name\":").append(pick(text, json(names[text.random().nextInt(names.length)]), value(text, 1)))
          .append(",\"value\":").append(pick(text, json("node" + text.random().nextInt(3) + "; Path=/\n" + text.noise(5)), value(text, 1))).append('}');
    }
    return s.append(']').toString();
  }

  private static String value(RandomText text, int depth) {
    int kind = text.random().nextInt(depth <= 0 ? 4 : 7);
    return switch (kind) {
      case 0 -> json(text.next());
      case 1 -> Long.toString(text.random().nextLong());
      case 2 -> text.random().nextBoolean() ? "true" : "null";
      case 3 -> "1.5e-300";
      case 4 -> "[" + value(text, depth - 1) + "," + value(text, depth - 1) + "]";
      case 5 -> "{\"a\":" + value(text, depth - 1) + ",\"url\":" + value(text, depth - 1) + "}";
      default -> "[".repeat(depth * 20) + "]".repeat(depth * 20);
    };
  }

  private static String pick(RandomText text, String... choices) {
    return choices[text.random().nextInt(choices.length)];
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
