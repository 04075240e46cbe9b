package io.github.sfntest.distributed;

import static io.github.sfntest.distributed.DistributedMapSupport.PASS;
import static io.github.sfntest.distributed.DistributedMapSupport.distributedMap;
import static io.github.sfntest.distributed.DistributedMapSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.s3.InMemoryS3;
import org.junit.jupiter.api.Test;

/** S3 fixtures fall under the same JSON policy as every other untrusted JSON. */
class HostileS3FixturesTest {

  private static final String READER = "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject',"
      + "'Parameters':{'Bucket':'in','Key':'items.json'},'ReaderConfig':{'InputType':'JSON'}}";

  @Test
  void an_object_that_is_not_utf8_fails_the_read_with_the_byte_and_its_place() {
    InMemoryS3 s3 = new InMemoryS3().putObject("in", "items.json", new byte[] {'[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']'});
    ExecutionResult result = run(distributedMap(READER, "P", PASS), "{}", s3);
    assertThat(result.error().orElseThrow()).isEqualTo("States.ItemReaderFailed");
    assertThat(result.cause().orElseThrow()).contains("not valid UTF-8: byte 0xC0 at line 1, column 3 (byte offset 2)");
  }

  @Test
  void an_object_nested_too_deeply_or_with_an_absurd_number_fails_the_read() {
    for (String body : new String[] {"[" + "[".repeat(9_000) + "]".repeat(9_000) + "]", "[1E+2147483647]"}) {
      ExecutionResult result = run(distributedMap(READER, "P", PASS), "{}", new InMemoryS3().putObject("in", "items.json", body));
      assertThat(result.error().orElseThrow()).isEqualTo("States.ItemReaderFailed");
      assertThat(result.cause().orElseThrow()).containsAnyOf("nested deeper than 512", "Number out of range");
    }
  }

  @Test
  void get_object_json_names_the_object() {
    InMemoryS3 s3 = new InMemoryS3().putObject("b", "k.json", new byte[] {'{', (byte) 0xFF, '}'});
    assertThatThrownBy(() -> s3.getObjectJson("b", "k.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("s3://b/k.json (3 bytes) is not valid UTF-8: byte 0xFF at line 1, column 2");
  }
}
