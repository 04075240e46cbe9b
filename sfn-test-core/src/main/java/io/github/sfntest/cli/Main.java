package io.github.sfntest.cli;

/** Entry point of the command-line runner. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("usage: sfn-test run|batch|validate ...");
    System.exit(2);
  }
}
