package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class ErrorPathTest {
  @TempDir Path tmp;

  @Test
  @ResourceLock(Resources.SYSTEM_ERR)
  void aStackOverflowFromDeepNesting_isOneLineAndBadInput() throws Exception {
    Path f = tmp.resolve("deep.toml");
    Files.writeString(
        f,
        "[build]\njobs = 2\n[[crate]]\nname = \"a\"\nfrontend_s = 1\ndeps = "
            + "[".repeat(20_000)
            + "]".repeat(20_000)
            + "\n",
        StandardCharsets.UTF_8);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.err;
    int code;
    try {
      System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = Main.run(new String[] {"run", f.toString()});
    } finally {
      System.setErr(old);
    }
    String err = buf.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, err);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(
        err.startsWith("cratesim: error: " + f + ":6: arrays and tables nested more than"), err);
  }

  @Test
  void messages_areOneLine_andCapped() {
    assertEquals("a b c", CratesimCommand.oneLine("a\nb\r\n\tc\n"));
    String longOne = CratesimCommand.oneLine("x".repeat(5000));
    assertEquals(CratesimCommand.MAX_MESSAGE + 1, longOne.length());
    assertTrue(longOne.endsWith("…"));
  }
}
