package org.cratesim.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * What a TOML file must satisfy before the TOML parser sees it: a bounded size, UTF-8 text, a
 * bounded nesting depth of arrays and inline tables (the parser recurses on it: 1,000 nested inline
 * tables overflow its stack) and bounded string lengths. One cheap pass over the text that follows
 * TOML's strings and comments; problems are a {@link ScenarioException} naming file:line.
 */
public final class TomlGuard {
  private TomlGuard() {}

  /** The text of {@code file}, checked; a missing, unreadable or unsafe file is bad input. */
  public static String read(Path file) throws ScenarioException {
    String source = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new ScenarioException(source, 0, "is a directory, not a file");
      }
      long size = Files.size(file);
      if (size > Schema.MAX_FILE_BYTES) {
        throw new ScenarioException(
            source,
            0,
            "file of " + size + " bytes: at most " + Schema.MAX_FILE_BYTES + " are read");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(source, 0, "no such file");
    } catch (AccessDeniedException e) {
      throw new ScenarioException(source, 0, "cannot read: permission denied");
    } catch (InvalidPathException e) {
      throw new ScenarioException(source, 0, "not a valid path");
    } catch (IOException e) {
      throw new ScenarioException(source, 0, "cannot read: " + e.getMessage());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioException(source, lineOfByte(bytes), "not UTF-8 text");
    }
    check(text, source);
    return text;
  }

  /** The 1-based line of the first byte that is not UTF-8 (a rough guess: the first high byte). */
  private static int lineOfByte(byte[] bytes) {
    int line = 1;
    for (byte b : bytes) {
      if (b < 0) {
        return line;
      }
      if (b == '\n') {
        line++;
      }
    }
    return 0;
  }

  /** Checks TOML text: depth and string lengths within the {@link Schema}'s limits. */
  public static void check(String text, String source) throws ScenarioException {
    if (text.length() > Schema.MAX_FILE_BYTES) {
      throw new ScenarioException(source, 0, "more than " + Schema.MAX_FILE_BYTES + " characters");
    }
    int line = 1;
    int depth = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        boolean triple = i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
        int startLine = line;
        int start = i;
        i += triple ? 3 : 1;
        while (i < n) {
          char d = text.charAt(i);
          if (d == '\\' && c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '\n') {
              line++;
            }
            i += 2;
            continue;
          }
          if (d == '\n') {
            if (!triple) {
              break;
            }
            line++;
          }
          if (d == c
              && (!triple || (i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c))) {
            i += triple ? 3 : 1;
            break;
          }
          i++;
        }
        if (i - start > Schema.MAX_STRING) {
          throw new ScenarioException(
              source,
              startLine,
              "a string of more than " + Schema.MAX_STRING + " characters (the longest read)");
        }
      } else {
        if (c == '[' || c == '{') {
          depth++;
          if (depth > Schema.MAX_DEPTH) {
            throw new ScenarioException(
                source, line, "arrays and tables nested more than " + Schema.MAX_DEPTH + " deep");
          }
        } else if ((c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        i++;
      }
    }
  }

  /**
   * The offsets of the top-level {@code [[crate]]} headers when they come last (only crate tables
   * and their sub-tables follow the first), so that each crate can be parsed alone; null otherwise.
   * The text must have passed {@link #check}.
   */
  static int[] crateChunks(String text) {
    List<Integer> starts = new ArrayList<>();
    int n = text.length();
    int depth = 0;
    boolean lineStart = true;
    int lineBegin = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        lineStart = true;
        lineBegin = ++i;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        lineStart = false;
        boolean triple = i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
        i += triple ? 3 : 1;
        while (i < n) {
          char d = text.charAt(i);
          if (d == '\\' && c == '"') {
            i += 2;
            continue;
          }
          if (d == '\n' && !triple) {
            break;
          }
          if (d == c
              && (!triple || (i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c))) {
            i += triple ? 3 : 1;
            break;
          }
          i++;
        }
      } else {
        if (c == '[' && depth == 0 && lineStart) {
          int eol = text.indexOf('\n', i);
          String header = text.substring(i, eol < 0 ? n : eol).strip();
          int hash = header.indexOf('#');
          header = (hash < 0 ? header : header.substring(0, hash)).strip();
          if (header.equals("[[crate]]")) {
            starts.add(lineBegin);
          } else if (!starts.isEmpty()
              && !header.startsWith("[crate.")
              && !header.startsWith("[[crate.")) {
            return null;
          }
          // a header line holds nothing else: skip it
          i = eol < 0 ? n : eol;
          continue;
        }
        lineStart = false;
        if (c == '[' || c == '{') {
          depth++;
        } else if ((c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        i++;
      }
    }
    if (starts.isEmpty()) {
      return null;
    }
    int[] out = new int[starts.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = starts.get(k);
    }
    return out;
  }

  /**
   * The TOML parser on checked text; should it fail in itself (its internal assertions fire on some
   * malformed input when the JVM runs with -ea), the file is bad TOML all the same.
   */
  public static TomlParseResult parse(String text, String source) throws ScenarioException {
    try {
      return Toml.parse(text);
    } catch (RuntimeException | AssertionError e) {
      throw new ScenarioException(source, 0, "TOML syntax: the file cannot be parsed");
    }
  }
}
