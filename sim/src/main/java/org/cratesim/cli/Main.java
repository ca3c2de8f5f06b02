package org.cratesim.cli;

/** {@code java -jar cratesim.jar ...} */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(CratesimCommand.commandLine().execute(args));
  }
}
