package io.github.sfntest.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 over a loopback socket, for requests no well-behaved client would send. */
final class RawHttp {
  private RawHttp() {}

  /** The status line and body of the answer, or "(no answer)" / "(closed)" if there is none in time. */
  record Answer(int status, String head, String body) {
    boolean answered() {
      return status > 0;
    }
  }

  static Socket open(URI endpoint) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
    return socket;
  }

  /** Sends {@code request} as is and reads one answer (closing the socket). */
  static Answer exchange(URI endpoint, byte[] request, int timeoutMillis) throws IOException {
    try (Socket socket = open(endpoint)) {
      socket.setSoTimeout(timeoutMillis);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  static Answer exchange(URI endpoint, String request, int timeoutMillis) throws IOException {
    return exchange(endpoint, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMillis);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int contentLength = -1;
    int headEnd = -1;
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        buffer.write(chunk, 0, n);
        String text = buffer.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0) {
          headEnd = text.indexOf("\r\n\r\n");
          if (headEnd >= 0) {
            for (String line : text.substring(0, headEnd).split("\r\n")) {
              if (line.toLowerCase().startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
              }
            }
          }
        }
        if (headEnd >= 0 && contentLength >= 0 && buffer.size() >= headEnd + 4 + contentLength) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what came so far
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
      return new Answer(0, text.isEmpty() ? "(no answer)" : text, "");
    }
    int end = text.indexOf("\r\n\r\n");
    return new Answer(Integer.parseInt(text.substring(9, 12)), end < 0 ? text : text.substring(0, end),
        end < 0 ? "" : text.substring(end + 4));
  }

  static String post(String target, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + (target == null ? "" : "X-Amz-Target: " + target + "\r\n")
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
  }
}
