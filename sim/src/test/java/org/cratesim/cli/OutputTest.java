package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
  @TempDir Path tmp;

  @Test
  void aWrittenFile_hasTheDefaultPermissions_andNoTemporaryFileStays() throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX only");
    Path plain = Files.createFile(tmp.resolve("plain.txt"));
    Path out = tmp.resolve("out.html");
    Output.write("-o: ", out, "<p>x</p>\n");
    assertEquals("<p>x</p>\n", Files.readString(out));
    // as a file the user's shell would create (the umask's), not owner-only as a temporary file
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    try (var files = Files.list(tmp)) {
      assertEquals(
          List.of("out.html", "plain.txt"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
