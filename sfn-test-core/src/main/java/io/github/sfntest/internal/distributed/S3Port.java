package io.github.sfntest.internal.distributed;

import java.time.Instant;
import java.util.List;

/** The S3 calls a Distributed Map makes: the reader's GetObject/ListObjectsV2, the writer's PutObject. */
public interface S3Port {

  /** Thrown with an S3-style message ("The specified key does not exist. ..."). */
  final class S3Error extends RuntimeException {
    public S3Error(String message) {
      super(message);
    }
  }

  record Listed(String key, long size, String etag, Instant lastModified) {}

  byte[] getObject(String bucket, String key);

  List<Listed> listObjects(String bucket, String prefix);

  void putObject(String bucket, String key, String body);

  /** Adapts the public in-memory fixture. */
  static S3Port of(io.github.sfntest.s3.InMemoryS3 s3, java.util.function.Supplier<Instant> clock) {
    return new S3Port() {
      @Override
      public byte[] getObject(String bucket, String key) {
        requireBucket(bucket);
        return s3.getObject(bucket, key)
            .orElseThrow(() -> new S3Error("The specified key does not exist. (Service: S3, Status Code: 404, "
                + "Error Code: NoSuchKey) Bucket: " + bucket + ", Key: " + key))
            .body();
      }

      @Override
      public List<Listed> listObjects(String bucket, String prefix) {
        requireBucket(bucket);
        return s3.listObjects(bucket, prefix).stream()
            .map(o -> new Listed(o.key(), o.size(), o.etag(), o.lastModified()))
            .toList();
      }

      @Override
      public void putObject(String bucket, String key, String body) {
        s3.clock(clock.get()).putObject(bucket, key, body);
      }

      private void requireBucket(String bucket) {
        if (!s3.bucketExists(bucket)) {
          throw new S3Error("The specified bucket does not exist. (Service: S3, Status Code: 404, "
              + "Error Code: NoSuchBucket) Bucket: " + bucket);
        }
      }
    };
  }
}
