package dev.maildiag.cli.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A peer that repeats what it received in every encoding a careless server would: an IMAP, POP3 or SMTP
 * server refusing every login with the command's payload in its answer (as sent, decoded, URL-encoded,
 * JSON-escaped, a prefix, Base64 at another offset), or a token endpoint putting the posted form into
 * {@code error_description}, {@code trace_id}, {@code correlation_id} and {@code error_uri}. It knows no
 * secret: it echoes whatever came, so every route a secret takes is covered.
 */
final class EchoPeer implements AutoCloseable {
  enum Kind { IMAP, POP3, SMTP, TOKEN_ENDPOINT }

  private final ServerSocket server;
  private final Kind kind;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  /** For the token endpoint: the HTTP answer's status line and extra headers, else the echo as a 400. */
  private volatile String httpHead;
  private volatile String httpBody;

  private EchoPeer(Kind kind) throws IOException {
    this.kind = kind;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "echo-peer-" + kind);
    t.setDaemon(true);
    t.start();
  }

  static EchoPeer start(Kind kind) throws IOException {
    return new EchoPeer(kind);
  }

  /** A token endpoint that answers with this head (status line and headers, \n-separated) and body instead. */
  EchoPeer answering(String head, String body) {
    this.httpHead = head;
    this.httpBody = body;
    return this;
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<String> received() {
    return List.copyOf(received);
  }

  /** What a careless server says back about {@code payload}: every encoding of it, and of its Base64-decoded text. */
  static String echo(String payload) {
    List<String> forms = new ArrayList<>();
    forms.add(payload);
    for (String word : payload.split(" ")) {
      String decoded = decode(word);
      if (decoded != null) {
        forms.add("decoded " + decoded.replace('\u0001', ' ').replace('\u0000', ' '));
        int bearer = decoded.indexOf("Bearer ");
        if (bearer >= 0) {
          String token = decoded.substring(bearer + 7).replace("\u0001", "");
          forms.add("token " + token + " is not valid");
          forms.add("token \"" + token.substring(0, Math.min(20, token.length())) + "...\"");
        }
        forms.add("again " + Base64.getEncoder().encodeToString(("x" + decoded).getBytes(StandardCharsets.UTF_8)));
        forms.add("again " + Base64.getEncoder().encodeToString(("xy" + decoded).getBytes(StandardCharsets.UTF_8)));
      }
    }
    forms.add("url " + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    forms.add("json {\"got\":\"" + payload.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/") + "\"}");
    forms.add("prefix " + payload.substring(0, Math.min(payload.length(), 30)));
    forms.add("secret " + payload.substring(payload.lastIndexOf(' ') + 1));
    return String.join(" | ", forms);
  }

  private static String decode(String word) {
    if (word.length() < 8 || !word.matches("[A-Za-z0-9+/=]+")) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(word), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> {
          try (s) {
            serve(s);
          } catch (IOException e) {
            // the client went away
          }
        }, "echo-peer-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) throws IOException {
    InputStream raw = s.getInputStream();
    OutputStream out = s.getOutputStream();
    if (kind == Kind.TOKEN_ENDPOINT) {
      http(raw, out);
      return;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.ISO_8859_1));
    switch (kind) {
      case IMAP -> send(out, "* OK echo IMAP ready");
      case POP3 -> send(out, "+OK echo POP3 ready");
      default -> send(out, "220 echo.test ESMTP ready");
    }
    String pendingTag = null;
    String smtpStep = null;
    for (String line; (line = in.readLine()) != null; ) {
      received.add(line);
      String[] w = line.split(" ");
      switch (kind) {
        case IMAP -> {
          if (pendingTag != null) {
            send(out, pendingTag + " NO [AUTHENTICATIONFAILED] " + echo(line));
            pendingTag = null;
            continue;
          }
          String tag = w[0];
          String verb = w.length > 1 ? w[1].toUpperCase(Locale.ROOT) : "";
          switch (verb) {
            case "CAPABILITY" -> send(out, "* CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2 AUTH=PLAIN AUTH=LOGIN", tag + " OK done");
            case "AUTHENTICATE" -> {
              if (w.length > 3) {
                send(out, tag + " NO [AUTHENTICATIONFAILED] " + echo(line));
              } else {
                pendingTag = tag;
                send(out, "+ ");
              }
            }
            case "LOGIN" -> send(out, tag + " NO [AUTHENTICATIONFAILED] " + echo(line));
            case "LOGOUT" -> {
              send(out, "* BYE bye", tag + " OK bye");
              return;
            }
            default -> send(out, tag + " OK " + verb);
          }
        }
        case POP3 -> {
          if (smtpStep != null) {
            send(out, "-ERR " + echo(line));
            smtpStep = null;
            continue;
          }
          String verb = w[0].toUpperCase(Locale.ROOT);
          switch (verb) {
            case "CAPA" -> send(out, "+OK", "USER", "SASL XOAUTH2 PLAIN", ".");
            case "AUTH" -> {
              if (w.length > 2) {
                send(out, "-ERR " + echo(line));
              } else {
                smtpStep = "auth";
                send(out, "+ ");
              }
            }
            case "USER" -> send(out, "+OK go on");
            case "PASS" -> send(out, "-ERR " + echo(line));
            case "QUIT" -> {
              send(out, "+OK bye");
              return;
            }
            default -> send(out, "+OK");
          }
        }
        default -> {
          if (smtpStep != null) {
            if (smtpStep.equals("login-user")) {
              smtpStep = "login-pass";
              send(out, "334 UGFzc3dvcmQ6");
            } else {
              smtpStep = null;
              send(out, "535 5.7.8 " + echo(line));
            }
            continue;
          }
          String verb = w[0].toUpperCase(Locale.ROOT);
          switch (verb) {
            case "EHLO" -> send(out, "250-echo.test", "250-AUTH XOAUTH2 PLAIN LOGIN", "250 8BITMIME");
            case "AUTH" -> {
              if (w.length > 2) {
                send(out, "535 5.7.8 " + echo(line));
              } else if (w.length > 1 && w[1].equalsIgnoreCase("LOGIN")) {
                smtpStep = "login-user";
                send(out, "334 VXNlcm5hbWU6");
              } else {
                smtpStep = "plain";
                send(out, "334 ");
              }
            }
            case "QUIT" -> {
              send(out, "221 bye");
              return;
            }
            default -> send(out, "250 ok");
          }
        }
      }
    }
  }

  private void http(InputStream in, OutputStream out) throws IOException {
    StringBuilder head = new StringBuilder();
    int contentLength = 0;
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) != -1; ) {
      if (c == '\n') {
        String l = line.toString().strip();
        if (l.isEmpty()) {
          break;
        }
        head.append(l).append('\n');
        if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          contentLength = Integer.parseInt(l.substring(15).strip());
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    String form = new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
    received.add(head + "\n" + form);
    String body;
    String status;
    if (httpHead != null) {
      status = httpHead.replace("{form}", form);
      body = httpBody.replace("{form}", form);
    } else {
      status = "HTTP/1.1 400 Bad Request\nContent-Type: application/json";
      String quoted = json(form);
      String decoded = json(java.net.URLDecoder.decode(form, StandardCharsets.UTF_8));
      body = "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: you sent " + quoted + " decoded " + decoded + "\","
          + "\"trace_id\":\"" + quoted + "\",\"correlation_id\":\"" + decoded + "\",\"error_uri\":\"https://login.example/error?"
          + form.replace("\"", "") + "\",\"error_codes\":[70000]}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write((status.replace("\n", "\r\n") + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.write(bytes);
    out.flush();
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void send(OutputStream out, String... lines) throws IOException {
    for (String l : lines) {
      out.write((l + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
