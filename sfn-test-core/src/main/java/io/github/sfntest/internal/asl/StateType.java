package io.github.sfntest.internal.asl;

/** ASL state types, with the prefix AWS uses for their history event types. */
public enum StateType {
  PASS("Pass"),
  TASK("Task"),
  CHOICE("Choice"),
  WAIT("Wait"),
  SUCCEED("Succeed"),
  FAIL("Fail"),
  PARALLEL("Parallel"),
  MAP("Map");

  private final String aslName;

  StateType(String aslName) {
    this.aslName = aslName;
  }

  public String aslName() {
    return aslName;
  }

  /** The type a valid definition's {@code Type} names (the validator has refused any other). */
  static StateType of(String aslName) {
    for (StateType type : values()) {
      if (type.aslName.equals(aslName)) {
        return type;
      }
    }
    throw new IllegalStateException("not a state type: " + aslName + "; definitions are validated first");
  }
}
