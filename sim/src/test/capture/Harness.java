import java.io.*;
import java.nio.file.*;
import java.util.*;

/** Runs many cratesim command lines in one JVM: each line "OUTNAME<TAB>arg1<TAB>arg2...". */
public class Harness {
  public static void main(String[] a) throws Exception {
    Path out = Paths.get(a[1]);
    Files.createDirectories(out);
    PrintStream realErr = System.err;
    for (String line : Files.readAllLines(Paths.get(a[0]))) {
      if (line.isBlank()) continue;
      String[] p = line.split("\t");
      String[] args = Arrays.copyOfRange(p, 1, p.length);
      for (int i = 0; i < args.length; i++) args[i] = args[i].replace("@OUT@", out.toString());
      StringWriter sw = new StringWriter(), ew = new StringWriter();
      var cl = org.cratesim.cli.CratesimCommand.commandLine();
      cl.setOut(new PrintWriter(sw));
      cl.setErr(new PrintWriter(ew));
      ByteArrayOutputStream stray = new ByteArrayOutputStream();
      System.setErr(new PrintStream(stray));
      int rc;
      try {
        rc = cl.execute(args);
      } finally {
        System.setErr(realErr);
      }
      Files.writeString(out.resolve(p[0]), sw + "\n--stderr--\n" + ew + "\n--rc=" + rc + "\n");
    }
  }
}
