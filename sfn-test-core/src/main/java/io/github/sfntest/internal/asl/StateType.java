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

  static StateType parse(String text, String pointer) {
    for (StateType type : values()) {
      if (type.aslName.equals(text)) {
        return type;
      }
    }
    throw new AslParseException(
        pointer,
        "unknown state Type \"" + text + "\"; expected one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map");
  }
}
