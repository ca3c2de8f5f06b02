package org.cratesim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small check of a JSON document against one of cratesim's schemas (src/main/resources/schemas,
 * JSON Schema draft 2020-12): the keywords those schemas use ({@code type}, {@code const}, {@code
 * properties}, {@code required}, {@code additionalProperties: false}, {@code items}), nothing else.
 */
final class SchemaCheck {
  private SchemaCheck() {}

  /** The schema of documents whose {@code format} is {@code format}. */
  static JsonNode schema(String format) {
    try (InputStream in =
        SchemaCheck.class.getResourceAsStream("/schemas/" + format + ".schema.json")) {
      if (in == null) {
        throw new IllegalArgumentException("no schema for format " + format);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where {@code doc} breaks the schema its {@code format} field names (empty: it conforms). */
  static List<String> errors(JsonNode doc) {
    List<String> out = new ArrayList<>();
    if (!doc.has("format") || !doc.has("version")) {
      out.add("$: no format or version field");
      return out;
    }
    check(schema(doc.get("format").asText()), doc, "$", out);
    return out;
  }

  static void check(JsonNode schema, JsonNode v, String at, List<String> out) {
    if (schema.has("const") && !schema.get("const").equals(v)) {
      out.add(at + ": expected " + schema.get("const") + ", was " + v);
    }
    if (schema.has("type")) {
      JsonNode t = schema.get("type");
      boolean ok = false;
      for (JsonNode one : t.isArray() ? t : List.of(t)) {
        ok |= is(one.asText(), v);
      }
      if (!ok) {
        out.add(at + ": expected " + t + ", was " + v.getNodeType());
        return;
      }
    }
    if (v.isObject()) {
      JsonNode props = schema.path("properties");
      for (JsonNode r : schema.path("required")) {
        if (!v.has(r.asText())) {
          out.add(at + ": required field '" + r.asText() + "' missing");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (props.has(e.getKey())) {
          check(props.get(e.getKey()), e.getValue(), at + "." + e.getKey(), out);
        } else if (schema.path("additionalProperties").isBoolean()
            && !schema.get("additionalProperties").asBoolean()) {
          out.add(at + ": field '" + e.getKey() + "' not in the schema");
        }
      }
    }
    if (v.isArray() && schema.has("items")) {
      for (int i = 0; i < v.size(); i++) {
        check(schema.get("items"), v.get(i), at + "[" + i + "]", out);
      }
    }
  }

  private static boolean is(String type, JsonNode v) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "boolean" -> v.isBoolean();
      case "null" -> v.isNull();
      case "number" -> v.isNumber();
      case "integer" ->
          v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
      default -> throw new IllegalArgumentException("type " + type + " not checked");
    };
  }
}
