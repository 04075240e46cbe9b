package io.github.sfntest.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/** One object of an {@link InMemoryS3} bucket: its body and the metadata S3 lists. */
public final class S3Object {

  private final String bucket;
  private final String key;
  private final byte[] body;
  private final Instant lastModified;

  S3Object(String bucket, String key, byte[] body, Instant lastModified) {
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.key = Objects.requireNonNull(key, "key");
    this.body = body.clone();
    this.lastModified = lastModified;
  }

  /**
   * The bucket the object is in.
   *
   * @return the bucket name
   */
  public String bucket() {
    return bucket;
  }

  /**
   * The object's key.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The object's body (a copy).
   *
   * @return the bytes
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The body decoded as UTF-8.
   *
   * @return the text
   */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body parsed as JSON (e.g. a ResultWriter manifest), under the engine's policy for untrusted
   * JSON: strict UTF-8, at most 512 levels, numbers a double can hold.
   *
   * @return the JSON tree
   * @throws IllegalArgumentException naming this object and where its text goes wrong
   */
  public JsonNode json() {
    try {
      return Json.parse(body, toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().startsWith(toString()) ? e.getMessage()
          : toString() + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The body's length in bytes.
   *
   * @return the size
   */
  public long size() {
    return body.length;
  }

  /**
   * The ETag S3 gives a single-part upload: the quoted MD5 of the body.
   *
   * @return the ETag
   */
  public String etag() {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * When the object was written (the engine's virtual time).
   *
   * @return the LastModified stamp
   */
  public Instant lastModified() {
    return lastModified;
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key + " (" + body.length + " bytes)";
  }
}
