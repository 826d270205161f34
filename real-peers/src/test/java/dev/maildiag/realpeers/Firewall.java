package dev.maildiag.realpeers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** iptables rules on the loopback interface, tagged and removed again (exactly those) when closed. */
final class Firewall implements AutoCloseable {
  private static final String TAG = "maildiag-test";
  private final List<List<String>> rules = new ArrayList<>();

  static Optional<String> unavailable() {
    if (!Loopback.installed("iptables")) {
      return Optional.of("iptables is not installed (apt-get install iptables)");
    }
    if (!Loopback.isRoot()) {
      return Optional.of("iptables rules need root");
    }
    Loopback.Result r = Loopback.run("iptables", "-w", "-S", "INPUT");
    return r.ok() ? Optional.empty() : Optional.of("iptables is not usable here: " + r.output());
  }

  /** Drops the connection's first packet (SYN): a silent firewall, the client times out. */
  Firewall dropSyn(int port) {
    return add(port, "--syn", "-j", "DROP");
  }

  /** Answers the SYN with an ICMP error, e.g. {@code icmp-port-unreachable} or {@code icmp-host-unreachable}. */
  Firewall reject(int port, String with) {
    return add(port, "--syn", "-j", "REJECT", "--reject-with", with);
  }

  /** Lets the handshake's SYN through and drops the rest: the client thinks it is connected, nothing answers. */
  Firewall dropAfterConnect(int port) {
    return add(port, "-m", "conntrack", "--ctstate", "ESTABLISHED", "-j", "DROP");
  }

  private Firewall add(int port, String... action) {
    List<String> spec = new ArrayList<>(List.of("INPUT", "-i", "lo", "-p", "tcp", "--dport", Integer.toString(port),
        "-m", "comment", "--comment", TAG));
    spec.addAll(List.of(action));
    List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-I"));
    cmd.addAll(spec);
    Loopback.Result r = Loopback.run(cmd.toArray(String[]::new));
    if (!r.ok()) {
      throw new IllegalStateException("iptables refused " + spec + ": " + r.output());
    }
    rules.add(spec);
    return this;
  }

  @Override
  public void close() {
    for (List<String> spec : rules) {
      List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-D"));
      cmd.addAll(spec);
      Loopback.run(cmd.toArray(String[]::new));
    }
    rules.clear();
  }

  static String version() {
    return Loopback.run("iptables", "--version").output().replace("iptables v", "iptables ");
  }
}
