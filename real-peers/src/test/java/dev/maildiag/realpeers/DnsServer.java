package dev.maildiag.realpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The DNS server a proxy under test is given (Squid only speaks to port 53): it answers every question
 * "no such name" (NXDOMAIN), or never answers at all. It only flips the header of the query it got.
 */
final class DnsServer implements AutoCloseable {
  private final DatagramSocket socket;
  private final Thread thread;
  private final String address;

  private DnsServer(DatagramSocket socket, String address, boolean silent) {
    this.socket = socket;
    this.address = address;
    this.thread = new Thread(() -> serve(silent), "real-peers-dns");
    thread.setDaemon(true);
    thread.start();
  }

  /** Listens on 127.0.0.{@code lastOctet}:53. */
  static DnsServer start(int lastOctet, boolean silent) {
    String address = "127.0.0." + lastOctet;
    try {
      DatagramSocket s = new DatagramSocket(null);
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(address), 53));
      return new DnsServer(s, address, silent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ":53", e);
    }
  }

  String address() {
    return address;
  }

  private void serve(boolean silent) {
    byte[] buf = new byte[512];
    while (!socket.isClosed()) {
      try {
        DatagramPacket q = new DatagramPacket(buf, buf.length);
        socket.receive(q);
        if (silent || q.getLength() < 12) {
          continue;
        }
        byte[] a = java.util.Arrays.copyOf(q.getData(), q.getLength());
        a[2] = (byte) (0x80 | (a[2] & 0x01)); // a response, recursion desired as asked
        a[3] = (byte) 0x83; // recursion available, NXDOMAIN
        socket.send(new DatagramPacket(a, a.length, q.getSocketAddress()));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
