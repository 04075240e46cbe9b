package io.github.sfntest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a test names: a definition, a substitutions file, a template, a MockConfigFile or an
 * input. A location is {@code classpath:a/b.json}, {@code file:src/test/b.json}, or a plain path,
 * looked up on the classpath first and then in the file system (relative to the working directory).
 *
 * @param location the location as the test wrote it
 * @param text the content (UTF-8)
 * @param path the file, when the resource is one (for messages and relative lookups), else null
 * @param classpathName the resource name when it was found on the classpath, else null
 */
public record TestResource(String location, String text, Path path, String classpathName) {

  /**
   * Checks that location and text are given.
   *
   * @param location the location as the test wrote it
   * @param text the content (UTF-8)
   * @param path the file, or null
   * @param classpathName the classpath resource name, or null
   */
  public TestResource {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Reads {@code location}.
   *
   * @param location {@code classpath:...}, {@code file:...} or a plain path
   * @param what what the file is, for messages, e.g. {@code definition}
   * @return the resource
   * @throws TestConfigurationException if it is neither on the classpath nor a readable file
   */
  public static TestResource read(String location, String what) {
    Objects.requireNonNull(location, "location");
    String trimmed = location.trim();
    if (trimmed.isEmpty()) {
      throw new TestConfigurationException("The " + what + " location is empty: name a classpath resource such as"
          + " \"statemachines/order.asl.json\" or a file such as \"file:src/main/resources/order.asl.json\".");
    }
    if (trimmed.startsWith("classpath:")) {
      TestResource found = fromClasspath(location, trimmed.substring("classpath:".length()));
      if (found == null) {
        throw notFound(location, what, true, false);
      }
      return found;
    }
    if (trimmed.startsWith("file:")) {
      TestResource found = fromFile(location, Path.of(trimmed.substring("file:".length())), what);
      if (found == null) {
        throw notFound(location, what, false, true);
      }
      return found;
    }
    TestResource found = fromClasspath(location, trimmed);
    if (found == null) {
      found = fromFile(location, Path.of(trimmed), what);
    }
    if (found == null) {
      throw notFound(location, what, true, true);
    }
    return found;
  }

  /**
   * The file name: the last part of the location.
   *
   * @return the file name
   */
  public String fileName() {
    String name = path != null ? String.valueOf(path.getFileName()) : classpathName != null ? classpathName : location;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash < 0 ? name : name.substring(slash + 1);
  }

  /**
   * Where a path relative to this resource is (a template's DefinitionUri, for instance).
   *
   * @param relative a path relative to this resource
   * @return the sibling's location
   */
  public String resolveSibling(String relative) {
    if (classpathName != null) {
      int slash = classpathName.lastIndexOf('/');
      return "classpath:" + (slash < 0 ? relative : classpathName.substring(0, slash + 1) + relative);
    }
    if (path != null) {
      return "file:" + path.resolveSibling(relative);
    }
    return relative;
  }

  /**
   * Where the resource was found, for messages.
   *
   * @return a description of where it was found
   */
  public String describe() {
    return path != null ? path.toString() : classpathName != null ? "classpath:" + classpathName : location;
  }

  private static TestResource fromClasspath(String location, String name) {
    String resource = name.startsWith("/") ? name.substring(1) : name;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = TestResource.class.getClassLoader();
    }
    URL url = loader.getResource(resource);
    if (url == null) {
      return null;
    }
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Path path = null;
      if ("file".equals(url.getProtocol())) {
        try {
          path = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
          path = null;
        }
      }
      return new TestResource(location, text, path, resource);
    } catch (IOException e) {
      throw new TestConfigurationException("Cannot read classpath resource \"" + resource + "\": " + e.getMessage(), e);
    }
  }

  private static TestResource fromFile(String location, Path path, String what) {
    if (!Files.isRegularFile(path)) {
      return null;
    }
    try {
      return new TestResource(location, Files.readString(path, StandardCharsets.UTF_8), path, null);
    } catch (IOException e) {
      throw new TestConfigurationException("Cannot read the " + what + " " + path.toAbsolutePath() + ": " + e, e);
    }
  }

  private static TestConfigurationException notFound(String location, String what, boolean classpath, boolean file) {
    StringBuilder sb = new StringBuilder("No ").append(what).append(" at \"").append(location).append("\": looked ");
    if (classpath) {
      sb.append("on the classpath");
    }
    if (classpath && file) {
      sb.append(" and ");
    }
    if (file) {
      String plain = location.startsWith("file:") ? location.substring(5) : location;
      sb.append("at the file ").append(Path.of(plain).toAbsolutePath().normalize());
    }
    sb.append(". Put the file under src/test/resources (or src/main/resources) and name it relative to that folder,"
        + " or give a file path, e.g. \"file:src/main/resources/")
        .append(location.startsWith("file:") || location.startsWith("classpath:")
            ? location.substring(location.indexOf(':') + 1) : location)
        .append("\".");
    return new TestConfigurationException(sb.toString());
  }
}
