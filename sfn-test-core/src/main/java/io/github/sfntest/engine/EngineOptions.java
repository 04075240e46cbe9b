package io.github.sfntest.engine;

import io.github.sfntest.history.HistoryRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Settings of an engine: the account and region in ARNs, the virtual clock's start, the random
 * seed (task tokens, execution names, {@code States.UUID}), and AWS's limits.
 *
 * <pre>{@code
 * Engine engine = Engine.inProcess(EngineOptions.builder()
 *     .startTime(Instant.parse("2024-01-01T00:00:00Z"))
 *     .seed(42)
 *     .build());
 * }</pre>
 */
public final class EngineOptions {

  /** AWS's limit on history events per execution. */
  public static final int AWS_MAX_HISTORY_EVENTS = 25_000;

  /** AWS's limit on a state's input or output, in UTF-8 bytes (256 KiB). */
  public static final int AWS_MAX_PAYLOAD_BYTES = 262_144;

  private final String account;
  private final String region;
  private final String roleArn;
  private final Instant startTime;
  private final long seed;
  private final int maxHistoryEvents;
  private final int maxPayloadBytes;
  private final Duration maxWallClock;
  private final Duration maxExecutionDuration;
  private final HistoryRetention historyRetention;

  /** AWS's maximum duration of a STANDARD execution, one year; an EXPRESS one has five minutes. */
  public static final Duration STANDARD_MAX_DURATION = Duration.ofDays(365);

  /** AWS's maximum duration of an EXPRESS execution. */
  public static final Duration EXPRESS_MAX_DURATION = Duration.ofMinutes(5);

  /**
   * The default {@link #maxWallClock()}: {@code -Dsfntest.maxWallClockSeconds=N}, else 300 s.
   */
  public static final Duration DEFAULT_MAX_WALL_CLOCK =
      Duration.ofSeconds(Long.getLong("sfntest.maxWallClockSeconds", 300));

  private EngineOptions(Builder b) {
    this.account = b.account;
    this.region = b.region;
    this.roleArn = b.roleArn != null ? b.roleArn : "arn:aws:iam::" + b.account + ":role/sfn-test-role";
    this.startTime = b.startTime;
    this.seed = b.seed;
    this.maxHistoryEvents = b.maxHistoryEvents;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.maxWallClock = b.maxWallClock;
    this.maxExecutionDuration = b.maxExecutionDuration;
    this.historyRetention = b.historyRetention;
  }

  /**
   * The defaults: account 111111111111, us-east-1, clock at 2024-01-01T00:00:00Z, seed 0, AWS's
   * limits.
   *
   * @return the default options
   */
  public static EngineOptions defaults() {
    return builder().build();
  }

  /**
   * A builder that starts from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from these options, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.account = account;
    b.region = region;
    b.roleArn = roleArn;
    b.startTime = startTime;
    b.seed = seed;
    b.maxHistoryEvents = maxHistoryEvents;
    b.maxPayloadBytes = maxPayloadBytes;
    b.maxWallClock = maxWallClock;
    b.maxExecutionDuration = maxExecutionDuration;
    b.historyRetention = historyRetention;
    return b;
  }

  /**
   * The account id in ARNs.
   *
   * @return the 12-digit account id
   */
  public String account() {
    return account;
  }

  /**
   * The region in ARNs and the context object.
   *
   * @return the region, e.g. {@code us-east-1}
   */
  public String region() {
    return region;
  }

  /**
   * The execution role's ARN (in the context object and ExecutionStarted).
   *
   * @return the role ARN
   */
  public String roleArn() {
    return roleArn;
  }

  /**
   * Where the virtual clock starts for each execution.
   *
   * @return the virtual start time
   */
  public Instant startTime() {
    return startTime;
  }

  /**
   * The seed of the engine's random values: task tokens, execution names, {@code States.UUID},
   * jitter.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * 0 means unlimited.
   *
   * @return the limit on history events per execution
   */
  public int maxHistoryEvents() {
    return maxHistoryEvents;
  }

  /**
   * 0 means unlimited.
   *
   * @return the limit on a state's input or output, in UTF-8 bytes
   */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** Builder of {@link EngineOptions}. */
  /**
   * Real (not virtual) time one execution may compute for before the engine fails it with {@code
   * States.Runtime} and a message that says so: a guard against a definition that loops forever
   * (with the history limit lifted) hanging a test run until CI's own timeout. Zero disables it.
   *
   * @return the wall-clock limit of one execution; {@link Duration#ZERO} when the guard is off
   */
  public Duration maxWallClock() {
    return maxWallClock;
  }

  /**
   * Virtual time after which an execution ends TIMED_OUT with an {@code ExecutionTimedOut} event,
   * whatever its Wait states ask: {@link #STANDARD_MAX_DURATION} by default, {@link
   * #EXPRESS_MAX_DURATION} for an EXPRESS machine.
   *
   * @return the virtual duration after which an execution times out
   */
  public Duration maxExecutionDuration() {
    return maxExecutionDuration;
  }

  /**
   * How much of each execution's history the engine keeps: {@link HistoryRetention#FULL} by
   * default. Assertions that need a dropped event fail with a message naming this option.
   *
   * @return the history retention
   */
  public HistoryRetention historyRetention() {
    return historyRetention;
  }

  /** Builds {@link EngineOptions}; every setting starts at its default. */
  public static final class Builder {
    private String account = "111111111111";
    private String region = "us-east-1";
    private String roleArn;
    private Instant startTime = Instant.parse("2024-01-01T00:00:00Z");
    private long seed = 0;
    private int maxHistoryEvents = AWS_MAX_HISTORY_EVENTS;
    private int maxPayloadBytes = AWS_MAX_PAYLOAD_BYTES;
    private Duration maxWallClock = DEFAULT_MAX_WALL_CLOCK;
    private Duration maxExecutionDuration = STANDARD_MAX_DURATION;
    private HistoryRetention historyRetention = HistoryRetention.FULL;

    private Builder() {}

    /**
     * See {@link EngineOptions#historyRetention()}: {@code SUMMARY} or {@code NONE} for Maps too
     * large to keep every event of (with {@link #maxHistoryEvents(int) maxHistoryEvents(0)}, since
     * the limit still counts every event AWS would record).
     *
     * @param value how much history to keep
     * @return this builder
     */
    public Builder historyRetention(HistoryRetention value) {
      this.historyRetention = Objects.requireNonNull(value, "historyRetention");
      return this;
    }

    /**
     * See {@link EngineOptions#maxExecutionDuration()}; must be positive.
     *
     * @param value the virtual duration limit
     * @return this builder
     */
    public Builder maxExecutionDuration(Duration value) {
      Objects.requireNonNull(value, "maxExecutionDuration");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("maxExecutionDuration must be > 0, was " + value);
      }
      this.maxExecutionDuration = value;
      return this;
    }

    /**
     * See {@link EngineOptions#maxWallClock()}; {@link Duration#ZERO} disables the guard.
     *
     * @param value the real-time limit
     * @return this builder
     */
    public Builder maxWallClock(Duration value) {
      Objects.requireNonNull(value, "maxWallClock");
      if (value.isNegative()) {
        throw new IllegalArgumentException("maxWallClock must be >= 0, was " + value);
      }
      this.maxWallClock = value;
      return this;
    }

    /**
     * Sets the account id in ARNs.
     *
     * @param value a 12-digit account id
     * @return this builder
     */
    public Builder account(String value) {
      this.account = Objects.requireNonNull(value, "account");
      return this;
    }

    /**
     * Sets the region in ARNs and the context object.
     *
     * @param value a region name, e.g. {@code eu-west-1}
     * @return this builder
     */
    public Builder region(String value) {
      this.region = Objects.requireNonNull(value, "region");
      return this;
    }

    /**
     * Sets the execution role's ARN; by default a role in the builder's account.
     *
     * @param value the role ARN
     * @return this builder
     */
    public Builder roleArn(String value) {
      this.roleArn = value;
      return this;
    }

    /**
     * Sets where the virtual clock starts for each execution.
     *
     * @param value the start instant
     * @return this builder
     */
    public Builder startTime(Instant value) {
      this.startTime = Objects.requireNonNull(value, "startTime");
      return this;
    }

    /**
     * Sets the seed of task tokens, execution names, {@code States.UUID} and jitter: the same seed
     * gives the same values.
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * AWS's 25,000 by default; 0 lifts the limit (load tests).
     *
     * @param value the limit, or 0 for none
     * @return this builder
     */
    public Builder maxHistoryEvents(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxHistoryEvents must be >= 0, was " + value);
      }
      this.maxHistoryEvents = value;
      return this;
    }

    /**
     * AWS's 262,144 bytes by default; 0 lifts the limit.
     *
     * @param value the limit in bytes, or 0 for none
     * @return this builder
     */
    public Builder maxPayloadBytes(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxPayloadBytes must be >= 0, was " + value);
      }
      this.maxPayloadBytes = value;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public EngineOptions build() {
      return new EngineOptions(this);
    }
  }
}
