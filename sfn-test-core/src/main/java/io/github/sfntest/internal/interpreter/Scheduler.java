package io.github.sfntest.internal.interpreter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * A single-threaded discrete-event scheduler on a virtual clock. Work items run in FIFO order;
 * timers fire in (time, creation) order, and time only moves when the scheduler jumps to the next
 * timer. The same inputs therefore always give the same event order and timestamps.
 */
public final class Scheduler {

  /** A scheduled action; {@link #cancel()} makes it a no-op. */
  public static final class Timer implements Comparable<Timer> {
    private final Instant due;
    private final long seq;
    private Runnable action;

    private Timer(Instant due, long seq, Runnable action) {
      this.due = due;
      this.seq = seq;
      this.action = action;
    }

    public void cancel() {
      action = null;
    }

    public boolean active() {
      return action != null;
    }

    public Instant due() {
      return due;
    }

    @Override
    public int compareTo(Timer other) {
      int byTime = due.compareTo(other.due);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private Instant now;
  private long seq;

  public Scheduler(Instant start) {
    this.now = start;
  }

  public Instant now() {
    return now;
  }

  public void post(Runnable action) {
    ready.addLast(action);
  }

  public Timer schedule(Duration delay, Runnable action) {
    Timer timer = new Timer(now.plus(delay), seq++, action);
    timers.add(timer);
    return timer;
  }

  public Timer scheduleAt(Instant due, Runnable action) {
    Timer timer = new Timer(due.isBefore(now) ? now : due, seq++, action);
    timers.add(timer);
    return timer;
  }

  /** Runs ready work; no time passes. */
  public void drainReady() {
    Runnable next;
    while ((next = ready.pollFirst()) != null) {
      next.run();
    }
  }

  /** The due time of the next active timer, or null. */
  public Instant nextTimerDue() {
    Timer head;
    while ((head = timers.peek()) != null && !head.active()) {
      timers.poll();
    }
    return head == null ? null : head.due;
  }

  /** Moves the clock to the next timer and fires every timer due then. False if none. */
  public boolean fireNextTimer() {
    Instant due = nextTimerDue();
    if (due == null) {
      return false;
    }
    now = due;
    Timer head;
    while ((head = timers.peek()) != null && !head.due.isAfter(now)) {
      timers.poll();
      Runnable action = head.action;
      if (action != null) {
        head.action = null;
        ready.addLast(action);
      }
    }
    return true;
  }

  /** Moves the clock forward without firing (used by explicit advanceTime after firing). */
  public void advanceTo(Instant instant) {
    if (instant.isAfter(now)) {
      now = instant;
    }
  }
}
