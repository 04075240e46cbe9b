package io.github.sfntest.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.json.JsonLimitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The AWS JSON 1.0 transport: {@code POST /} with {@code X-Amz-Target}, a JSON body of {@code
 * Content-Type: application/x-amz-json-1.0} (or {@code 1.1}, which AWS's front end accepts too),
 * errors as {@code {"__type", "message"}} with {@code x-amzn-ErrorType}. Every failure, including
 * a request the HTTP parser refuses ({@code Content-Length: abc}, oversized headers), is answered
 * in that shape, never with a stack trace or the server's own page; bodies over the limit get
 * {@code 413}. {@code GET /} (or {@code /health}) answers a health document, for container wait
 * strategies.
 *
 * <p>Served by Jetty's core (no servlets) rather than the JDK's {@code HttpServer}: the JDK server
 * reads request headers on a pool thread with no deadline, so a few hundred idle or slow
 * connections hold every worker (and its overflow ran on the accept thread). Jetty parses headers
 * without a thread, dispatches a request only once its headers are complete, closes connections
 * idle for {@value #IDLE_TIMEOUT_MILLIS} ms and bodies slower than {@value #MIN_BODY_BYTES_PER_SECOND}
 * bytes a second, and runs handlers on a bounded pool, never on the selector or acceptor.
 */
public final class HttpFrontend implements AutoCloseable {

  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  static final long IDLE_TIMEOUT_MILLIS = 30_000;
  static final long MIN_BODY_BYTES_PER_SECOND = 1_024;
  private static final int MAX_THREADS = 200;
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final StepFunctionsService service;
  private final Server server;
  private final ServerConnector connector;
  private final ScheduledExecutorService ticker;
  private static final long MAX_DRAINED_BYTES = 8L * 1024 * 1024;
  private final int maxBodyBytes;

  // Jetty 12.1 marks the minimum body data rate for removal without a replacement in HttpConfiguration;
  // it is what ends slow-body connections, so it stays until Jetty offers another way.
  @SuppressWarnings("removal")
  public HttpFrontend(StepFunctionsService service, String host, int port, int maxBodyBytes, boolean realTime)
      throws IOException {
    this.service = service;
    this.maxBodyBytes = maxBodyBytes;
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2, 30_000);
    pool.setName("sfn-test-endpoint");
    pool.setDaemon(true);
    this.server = new Server(pool);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setRequestHeaderSize(MAX_HEADER_BYTES);
    config.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    config.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    connector.setAcceptQueueSize(128);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        exchange(request, response, callback);
        return true;
      }
    });
    server.setErrorHandler(new AwsErrors());
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly();
      throw e;
    } catch (Exception e) {
      stopQuietly();
      throw new IOException("cannot start the endpoint on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    if (realTime) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sfn-test-endpoint-clock");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleWithFixedDelay(() -> {
        try {
          service.tick();
        } catch (RuntimeException ignored) {
          // the next tick tries again; a broken execution must not stop the clock of the others
        }
      }, 100, 100, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception ignored) {
      // closing: nothing left to tell the caller
    }
  }

  private void exchange(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    String path = request.getHttpURI().getPath();
    ApiException refused;
    if (!method.equals("POST")) {
      if ((method.equals("GET") || method.equals("HEAD")) && ("/".equals(path) || "/health".equals(path))) {
        ObjectNode health = Json.NODES.objectNode();
        health.put("status", "running");
        health.put("engine", "sfn-test");
        send(request, response, callback, 200, health, null);
        return;
      }
      refused = new ApiException("UnknownOperationException", 404,
          method + " " + path + " is not an operation: send POST / with X-Amz-Target: AWSStepFunctions.<Action>");
    } else {
      refused = contentTypeProblem(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    }
    if (refused != null) {
      error(request, response, callback, refused);
      return;
    }
    String target = request.getHeaders().get("X-Amz-Target");
    ObjectNode result;
    try {
      result = service.handle(target, readBody(request));
    } catch (ApiException e) {
      error(request, response, callback, e);
      return;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      error(request, response, callback, new ApiException("InternalFailure", 500,
          "The request processing has failed because of an unknown error, exception or failure ("
              + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")"));
      return;
    }
    send(request, response, callback, 200, result, null);
  }

  /**
   * AWS's JSON front end takes {@code application/x-amz-json-1.0} and {@code -1.1} (with any
   * parameters); a body of another type, or of none, is not a JSON request.
   */
  static ApiException contentTypeProblem(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (type.equals(CONTENT_TYPE) || type.equals("application/x-amz-json-1.1")) {
      return null;
    }
    return new ApiException("UnsupportedMediaTypeException", 415,
        (contentType == null ? "No Content-Type" : "Content-Type '" + firstLine(contentType) + "' is not supported")
            + ": send Content-Type: " + CONTENT_TYPE);
  }

  private ObjectNode readBody(Request request) {
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      drain(request, declared);
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = Request.asInputStream(request)) {
      bytes = in.readNBytes(maxBodyBytes + 1);
    } catch (IOException | RuntimeException e) {
      // a body slower than the minimum rate, or cut off
      throw new ApiException("SerializationException", "The request body could not be read: " + firstLine(e.getMessage()));
    }
    if (bytes.length > maxBodyBytes) {
      throw tooLarge();
    }
    if (bytes.length == 0) {
      return Json.NODES.objectNode();
    }
    JsonNode node;
    try {
      node = Json.readTree(io.github.sfntest.internal.json.Utf8.decode(bytes, "the request body"));
    } catch (JsonLimitException e) {
      throw new ApiException("SerializationException", "Malformed JSON request body: " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new ApiException("SerializationException", "Malformed JSON request body: " + firstLine(Json.describe(e)));
    }
    if (node == null || node.isMissingNode()) {
      return Json.NODES.objectNode();
    }
    if (!node.isObject()) {
      throw new ApiException("SerializationException", "The request body must be a JSON object, found " + node.getNodeType());
    }
    return (ObjectNode) node;
  }

  /**
   * Reads and drops an oversized body of a few MiB before answering 413: a client that writes its
   * whole body before reading (the JDK's HttpClient does) would otherwise get a broken pipe instead
   * of the answer. Larger bodies are not read; the connection is closed. Slow senders are bounded
   * by the minimum data rate.
   */
  private static void drain(Request request, long declared) {
    if (declared > MAX_DRAINED_BYTES) {
      return;
    }
    try (InputStream in = Request.asInputStream(request)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException e) {
      // the client gave up or was too slow: nothing more to do than answer
    }
  }

  private ApiException tooLarge() {
    return new ApiException("RequestEntityTooLargeException", 413,
        "Request body larger than " + maxBodyBytes + " bytes");
  }

  private static void error(Request request, Response response, Callback callback, ApiException e) {
    send(request, response, callback, e.status(), body(e.type(), e.getMessage()), e.type());
  }

  private static ObjectNode body(String type, String message) {
    ObjectNode body = Json.NODES.objectNode();
    body.put("__type", type);
    body.put("message", message);
    return body;
  }

  private static void send(Request request, Response response, Callback callback, int status, ObjectNode body,
      String errorType) {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      headers.put("x-amzn-ErrorType", errorType);
    }
    if (request.getMethod().equals("HEAD")) {
      response.write(true, null, callback);
      return;
    }
    headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** Errors Jetty answers itself (malformed request line or headers, 431, 414...), shaped like AWS's. */
  private static final class AwsErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Object status = request.getAttribute(ERROR_STATUS);
      Object message = request.getAttribute(ERROR_MESSAGE);
      int code = status instanceof Integer i ? i : 500;
      String type = typeFor(code);
      send(request, response, callback, code, body(type, describe(code, message)), type);
      return true;
    }

    // Deprecated in Jetty 12.1 but still the hook for errors found before a request exists (bad
    // request line, oversized headers); without it those answers would not be AWS-shaped.
    @SuppressWarnings("removal")
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      String type = typeFor(status);
      fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
      fields.put("x-amzn-ErrorType", type);
      return ByteBuffer.wrap(Json.write(body(type, describe(status, reason))).getBytes(StandardCharsets.UTF_8));
    }

    private static String typeFor(int status) {
      return switch (status) {
        case 413 -> "RequestEntityTooLargeException";
        case 500, 503 -> "InternalFailure";
        default -> "SerializationException";
      };
    }

    private static String describe(int status, Object reason) {
      if (status == 505) {
        // RFC 9110 15.6.6: the major version of the request is not supported; say which are.
        return "HTTP Version Not Supported (505): this endpoint speaks HTTP/1.1 (and HTTP/1.0), as the AWS SDKs do";
      }
      String why = reason == null ? "" : firstLine(String.valueOf(reason));
      return "Malformed HTTP request (" + status + (why.isEmpty() ? "" : ": " + why) + ")";
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 500 ? line.substring(0, 500) + "..." : line;
  }
}
