package io.github.sfntest.s3;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory stand-in for the S3 buckets a Distributed Map reads ({@code ItemReader}) and writes
 * ({@code ResultWriter}). Fill it before the execution, hand it to the engine with {@code
 * StartRequest.withS3(s3)}, and read back what the execution wrote:
 *
 * <pre>{@code
 * InMemoryS3 s3 = new InMemoryS3()
 *     .putFile("input-bucket", "metrics.csv", Path.of("src/test/resources/metrics.csv"));
 * ExecutionResult result = engine.run(StartRequest.of(definition, "{}").withS3(s3));
 * JsonNode manifest = s3.getObject("results", "out/<map-run-id>/manifest.json").orElseThrow().json();
 * }</pre>
 *
 * Buckets are created by the first write into them (or by {@link #createBucket}); reading a bucket
 * that does not exist fails like S3 does ({@code NoSuchBucket}). Thread-safe.
 */
public final class InMemoryS3 {

  private final Map<String, TreeMap<String, S3Object>> buckets = new TreeMap<>();
  private Instant clock = Instant.parse("2024-01-01T00:00:00Z");

  /**
   * Creates an empty bucket (listing it then gives no objects rather than NoSuchBucket).
   *
   * @param bucket the bucket name
   * @return this S3
   */
  public synchronized InMemoryS3 createBucket(String bucket) {
    buckets.computeIfAbsent(Objects.requireNonNull(bucket, "bucket"), b -> new TreeMap<>());
    return this;
  }

  /**
   * Stores {@code text} as UTF-8 under {@code key}.
   *
   * @param bucket the bucket name (created if absent)
   * @param key the object key
   * @param text the body
   * @return this S3
   */
  public synchronized InMemoryS3 putObject(String bucket, String key, String text) {
    return putObject(bucket, key, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Stores {@code body} under {@code key}.
   *
   * @param bucket the bucket name (created if absent)
   * @param key the object key
   * @param body the bytes
   * @return this S3
   */
  public synchronized InMemoryS3 putObject(String bucket, String key, byte[] body) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(body, "body");
    createBucket(bucket);
    buckets.get(bucket).put(key, new S3Object(bucket, key, body, clock));
    return this;
  }

  /**
   * Uploads a file's bytes as {@code key}.
   *
   * @param bucket the bucket name
   * @param key the object key
   * @param file the file to upload
   * @return this S3
   */
  public InMemoryS3 putFile(String bucket, String key, Path file) {
    try {
      return putObject(bucket, key, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " for s3://" + bucket + "/" + key, e);
    }
  }

  /**
   * Uploads every regular file under {@code dir} with its relative path ('/'-separated) after
   * {@code prefix}.
   *
   * @param bucket the bucket name
   * @param prefix prepended to every key
   * @param dir the directory to upload
   * @return this S3
   */
  public InMemoryS3 putDirectory(String bucket, String prefix, Path dir) {
    try (var files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        putFile(bucket, prefix + relative, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return this;
  }

  /**
   * Whether the bucket exists.
   *
   * @param bucket the bucket name
   * @return true when it exists
   */
  public synchronized boolean bucketExists(String bucket) {
    return buckets.containsKey(bucket);
  }

  /**
   * The bucket names, in order.
   *
   * @return the bucket names
   */
  public synchronized Set<String> buckets() {
    return Set.copyOf(buckets.keySet());
  }

  /**
   * The object under {@code key}.
   *
   * @param bucket the bucket name
   * @param key the object key
   * @return the object, or empty
   */
  public synchronized Optional<S3Object> getObject(String bucket, String key) {
    TreeMap<String, S3Object> objects = buckets.get(bucket);
    return Optional.ofNullable(objects == null ? null : objects.get(key));
  }

  /**
   * The object's body as UTF-8 text; throws when the object does not exist.
   *
   * @param bucket the bucket name
   * @param key the object key
   * @return the body as text
   */
  public String getObjectText(String bucket, String key) {
    return getObject(bucket, key)
        .orElseThrow(() -> new NoSuchElementException("no object s3://" + bucket + "/" + key
            + " (objects in the bucket: " + keys(bucket) + ")"))
        .text();
  }

  /**
   * The object's body parsed as JSON (strict UTF-8, the engine's JSON limits); throws when the
   * object does not exist or is not such JSON.
   *
   * @param bucket the bucket name
   * @param key the object key
   * @return the body as JSON
   */
  public JsonNode getObjectJson(String bucket, String key) {
    return getObject(bucket, key)
        .orElseThrow(() -> new NoSuchElementException("no object s3://" + bucket + "/" + key
            + " (objects in the bucket: " + keys(bucket) + ")"))
        .json();
  }

  /**
   * The objects whose key starts with {@code prefix}, in key order (as ListObjectsV2 returns them).
   *
   * @param bucket the bucket name
   * @param prefix the key prefix, {@code ""} for all
   * @return the objects
   */
  public synchronized List<S3Object> listObjects(String bucket, String prefix) {
    TreeMap<String, S3Object> objects = buckets.get(bucket);
    if (objects == null) {
      return List.of();
    }
    List<S3Object> result = new ArrayList<>();
    String from = prefix == null ? "" : prefix;
    for (S3Object o : objects.tailMap(from, true).values()) {
      if (!o.key().startsWith(from)) {
        break;
      }
      result.add(o);
    }
    return result;
  }

  /**
   * Every key of {@code bucket}, in order.
   *
   * @param bucket the bucket name
   * @return the keys
   */
  public synchronized List<String> keys(String bucket) {
    TreeMap<String, S3Object> objects = buckets.get(bucket);
    return objects == null ? List.of() : List.copyOf(objects.keySet());
  }

  /**
   * The LastModified stamp given to objects written from now on (the engine sets its virtual time).
   *
   * @param now the LastModified stamp
   * @return this S3
   */
  public synchronized InMemoryS3 clock(Instant now) {
    this.clock = Objects.requireNonNull(now, "now");
    return this;
  }

  @Override
  public synchronized String toString() {
    StringBuilder out = new StringBuilder("InMemoryS3{");
    buckets.forEach((b, objects) -> out.append(b).append('=').append(objects.keySet()).append(' '));
    return out.toString().strip() + "}";
  }
}
