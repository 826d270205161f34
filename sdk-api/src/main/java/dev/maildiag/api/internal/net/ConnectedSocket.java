package dev.maildiag.api.internal.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;

/**
 * A connection that is already open (and secured, where the context wants TLS), dressed as a new socket for
 * Angus Mail: its {@code connect} does nothing, and its streams are the ones the earlier steps used, with the
 * greeting they already read put back in front. Angus then reads the greeting itself and logs in on the
 * same TCP connection, so the server is connected to once per diagnosis.
 */
public final class ConnectedSocket extends Socket {
  private final Socket delegate;
  private final InputStream in;
  private final OutputStream out;

  /**
   * @param delegate the open connection (a plain socket or a TLS socket over it)
   * @param in what Angus reads: the replayed greeting, then the connection's own (buffered) input
   * @param out the connection's output
   */
  public ConnectedSocket(Socket delegate, InputStream in, OutputStream out) {
    this.delegate = delegate;
    this.in = BoundedStreams.bounded(in); // Angus reads the login and the session through the same byte budget
    this.out = out;
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    if (delegate.isClosed()) {
      throw new SocketException("the mail connection was closed before the login");
    }
    // already connected: the earlier steps did it along the context's route
  }

  @Override
  public void bind(SocketAddress bindpoint) {
    // bound when it was connected
  }

  @Override
  public InputStream getInputStream() throws IOException {
    if (delegate.isClosed()) {
      throw new SocketException("Socket is closed");
    }
    return in;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    if (delegate.isClosed()) {
      throw new SocketException("Socket is closed");
    }
    return out;
  }

  @Override
  public SocketChannel getChannel() {
    return null; // a stream over a TLS socket has no channel to select on
  }

  @Override
  public InetAddress getInetAddress() {
    return delegate.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public int getPort() {
    return delegate.getPort();
  }

  @Override
  public int getLocalPort() {
    return delegate.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return delegate.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return delegate.getLocalSocketAddress();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    delegate.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return delegate.getTcpNoDelay();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    delegate.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return delegate.getSoLinger();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    delegate.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return delegate.getSoTimeout();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    delegate.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return delegate.getKeepAlive();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    delegate.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return delegate.getSendBufferSize();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    delegate.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return delegate.getReceiveBufferSize();
  }

  @Override
  public void shutdownInput() throws IOException {
    delegate.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    delegate.shutdownOutput();
  }

  @Override
  public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override
  public boolean isBound() {
    return delegate.isBound();
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return delegate.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return delegate.isOutputShutdown();
  }

  @Override
  public synchronized void close() throws IOException {
    delegate.close();
  }

  @Override
  public String toString() {
    return "ConnectedSocket[" + delegate + "]";
  }
}
