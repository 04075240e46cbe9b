package io.github.sfntest.internal.replay;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * Expands a history location with wildcards ({@code recordings/*.json}, {@code
 * recordings/**}{@code /*.json}, {@code file:build/recordings/*.json}) into the matching resources:
 * classpath resources first (directories and jars), then files relative to the working directory.
 */
public final class HistoryLocations {

  private HistoryLocations() {}

  /** The matching locations, sorted; each is {@code classpath:<name>} or {@code file:<path>}. */
  public static List<String> expand(String pattern, ClassLoader loader) {
    String trimmed = pattern.trim();
    boolean fileOnly = trimmed.startsWith("file:");
    boolean classpathOnly = trimmed.startsWith("classpath:");
    String body = fileOnly ? trimmed.substring(5) : classpathOnly ? trimmed.substring(10) : trimmed;
    int wildcard = indexOfWildcard(body);
    if (wildcard < 0) {
      return List.of(trimmed);
    }
    int slash = body.lastIndexOf('/', wildcard);
    String dir = slash < 0 ? "" : body.substring(0, slash);
    String glob = body.substring(slash + 1);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    TreeSet<String> found = new TreeSet<>();
    if (!fileOnly) {
      try {
        Enumeration<URL> roots = loader.getResources(dir.isEmpty() ? "" : dir);
        for (URL root : Collections.list(roots)) {
          collectClasspath(root, dir, matcher, found);
        }
      } catch (IOException e) {
        throw new HistoryFormatException("cannot list the classpath for \"" + pattern + "\": " + e.getMessage());
      }
    }
    if (found.isEmpty() && !classpathOnly) {
      Path base = Path.of(dir.isEmpty() ? "." : dir);
      if (Files.isDirectory(base)) {
        try (Stream<Path> files = Files.walk(base)) {
          files.filter(Files::isRegularFile).filter(p -> matcher.matches(base.relativize(p)))
              .forEach(p -> found.add("file:" + p));
        } catch (IOException e) {
          throw new HistoryFormatException("cannot list " + base + " for \"" + pattern + "\": " + e.getMessage());
        }
      }
    }
    if (found.isEmpty()) {
      throw new HistoryFormatException("no recorded history matches \"" + pattern + "\" on the classpath"
          + (classpathOnly ? "" : " or under " + Path.of(dir.isEmpty() ? "." : dir).toAbsolutePath()));
    }
    return new ArrayList<>(found);
  }

  private static int indexOfWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }

  private static void collectClasspath(URL root, String dir, PathMatcher matcher, TreeSet<String> found) throws IOException {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    if ("file".equals(root.getProtocol())) {
      Path base;
      try {
        base = Path.of(root.toURI());
      } catch (URISyntaxException e) {
        return;
      }
      if (!Files.isDirectory(base)) {
        return;
      }
      try (Stream<Path> files = Files.walk(base)) {
        files.filter(Files::isRegularFile).forEach(p -> {
          Path relative = base.relativize(p);
          if (matcher.matches(relative)) {
            found.add("classpath:" + prefix + relative.toString().replace('\\', '/'));
          }
        });
      }
    } else if ("jar".equals(root.getProtocol()) && root.openConnection() instanceof JarURLConnection jar) {
      for (JarEntry entry : Collections.list(jar.getJarFile().entries())) {
        String name = entry.getName();
        if (!entry.isDirectory() && name.startsWith(prefix) && matcher.matches(Path.of(name.substring(prefix.length())))) {
          found.add("classpath:" + name);
        }
      }
    }
  }
}
