package io.github.sfntest.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sfntest.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS JSON 1.0 transport over the JDK's built-in HTTP server: {@code POST /} with {@code
 * X-Amz-Target}, JSON bodies, errors as {@code {"__type", "message"}} with {@code
 * x-amzn-ErrorType}. Every failure is answered in that shape, never with a stack trace; bodies
 * over the limit get {@code 413}. {@code GET /} (or {@code /health}) answers a health document,
 * for container wait strategies.
 */
public final class HttpFrontend implements AutoCloseable {

  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final long MAX_DRAIN = 64L * 1024 * 1024;

  static {
    // Without TCP_NODELAY every answer waits ~40 ms for the client's delayed ACK (Nagle). The JDK
    // server reads this once, when its first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final StepFunctionsService service;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService ticker;
  private final int maxBodyBytes;

  public HttpFrontend(StepFunctionsService service, String host, int port, int maxBodyBytes, boolean realTime)
      throws IOException {
    this.service = service;
    this.maxBodyBytes = maxBodyBytes;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
    AtomicInteger threads = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(2, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "sfn-test-endpoint-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
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
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    if (ticker != null) {
      ticker.shutdownNow();
    }
    executor.shutdownNow();
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      if (!method.equals("POST")) {
        if ((method.equals("GET") || method.equals("HEAD")) && (path.equals("/") || path.equals("/health"))) {
          ObjectNode health = Json.NODES.objectNode();
          health.put("status", "running");
          health.put("engine", "sfn-test");
          send(ex, 200, health, null);
        } else {
          error(ex, new ApiException("UnknownOperationException", 404,
              method + " " + path + " is not an operation: send POST / with X-Amz-Target: AWSStepFunctions.<Action>"));
        }
        return;
      }
      String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
      ObjectNode body;
      try {
        body = readBody(ex);
      } catch (ApiException e) {
        error(ex, e);
        return;
      }
      ObjectNode result;
      try {
        result = service.handle(target, body);
      } catch (ApiException e) {
        error(ex, e);
        return;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        error(ex, new ApiException("InternalFailure", 500,
            "The request processing has failed because of an unknown error, exception or failure ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")"));
        return;
      }
      send(ex, 200, result, null);
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  private ObjectNode readBody(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw new ApiException("SerializationException", "Invalid Content-Length header");
      }
      if (declared > maxBodyBytes) {
        if (declared <= MAX_DRAIN) {
          drain(ex.getRequestBody()); // so the client can read the answer instead of a reset
        }
        throw tooLarge();
      }
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try (InputStream in = ex.getRequestBody()) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (buffer.size() + n > maxBodyBytes) {
          drain(in);
          throw tooLarge();
        }
        buffer.write(chunk, 0, n);
      }
    }
    byte[] bytes = buffer.toByteArray();
    if (bytes.length == 0) {
      return Json.NODES.objectNode();
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      String why = firstLine(e.getOriginalMessage()).replaceAll("\\[Source: [^;\\]]*; ", "[");
      throw new ApiException("SerializationException", "Malformed JSON request body: " + why
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    } catch (IOException | RuntimeException e) {
      throw new ApiException("SerializationException", "Malformed JSON request body");
    }
    if (node == null || node.isMissingNode()) {
      return Json.NODES.objectNode();
    }
    if (!node.isObject()) {
      throw new ApiException("SerializationException", "The request body must be a JSON object, found " + node.getNodeType());
    }
    return (ObjectNode) node;
  }

  /** Reads and drops up to {@link #MAX_DRAIN} bytes of an oversized body. */
  private static void drain(InputStream in) throws IOException {
    byte[] chunk = new byte[65536];
    long total = 0;
    int n;
    while (total < MAX_DRAIN && (n = in.read(chunk)) > 0) {
      total += n;
    }
  }

  private ApiException tooLarge() {
    return new ApiException("RequestEntityTooLargeException", 413,
        "Request body larger than " + maxBodyBytes + " bytes");
  }

  private static void error(HttpExchange ex, ApiException e) throws IOException {
    ObjectNode body = Json.NODES.objectNode();
    body.put("__type", e.type());
    body.put("message", e.getMessage());
    send(ex, e.status(), body, e.type());
  }

  private static void send(HttpExchange ex, int status, ObjectNode body, String errorType) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
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
