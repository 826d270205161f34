package dev.maildiag.google;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads JSON texts into trees with one mapper, made when the first text is read: making a mapper loads some 500
 * classes, which a command that reads no JSON (an offline check, most explanations) should not wait for.
 */
final class JsonTrees {
  private JsonTrees() {}

  /** The tree of {@code json}. */
  static JsonNode read(String json) throws JsonProcessingException {
    return Mapper.INSTANCE.readTree(json);
  }

  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper();
  }
}
