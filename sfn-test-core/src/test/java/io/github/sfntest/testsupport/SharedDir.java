package io.github.sfntest.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds {@code ../shared} (recordings, samples corpus, bench) beside the repository root. Tests that
 * need it call {@link #require(String)}, which skips them with a reason when it is absent, so the
 * build passes on a checkout without it. The system property {@code sfntest.conformance.dir} (set by
 * the POM to {@code ../shared/conformance}) wins when it names an existing directory.
 */
public final class SharedDir {

  private SharedDir() {}

  /** The shared directory, when one is beside the repository (or named by the system property). */
  public static Optional<Path> find() {
    String configured = System.getProperty("sfntest.conformance.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Optional.of(Path.of(configured).toAbsolutePath().normalize().getParent());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("conformance")) || Files.isDirectory(candidate.resolve("samples-corpus"))) {
        return Optional.of(candidate.normalize());
      }
    }
    return Optional.empty();
  }

  /** {@code sub} inside the shared directory, when it exists. */
  public static Optional<Path> find(String sub) {
    return find().map(d -> d.resolve(sub)).filter(Files::exists);
  }

  /** {@code sub} inside the shared directory; skips the calling test, saying why, when it is absent. */
  public static Path require(String sub) {
    Optional<Path> found = find(sub);
    assumeTrue(found.isPresent(), () -> "../shared/" + sub + " is not beside this checkout"
        + " (or set -Dsfntest.conformance.dir=<shared>/conformance): skipped");
    return found.get();
  }
}
