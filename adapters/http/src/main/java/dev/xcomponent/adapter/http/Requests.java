package dev.xcomponent.adapter.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and checks what a request carries (path and query parameters, JSON body fields) before the
 * registry is asked anything. Every refusal is an {@link ApiException} naming the field at fault.
 */
public final class Requests {
  /** Longest identifier or name accepted (ids, component, machine, state and event names). */
  public static final int MAX_IDENTIFIER_LENGTH = 255;

  /** The message of an event request without a type. */
  public static final String MISSING_EVENT_TYPE =
      "Missing event type. Send { \"event\": \"NAME\" } or { \"type\": \"NAME\" }";

  private Requests() {}

  /**
   * {@code value} if it is an acceptable identifier: not empty, at most {@value
   * #MAX_IDENTIFIER_LENGTH} characters, no control characters. Null stays null.
   */
  public static String identifier(String field, String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      throw ApiException.invalid("Field '" + field + "' must not be empty");
    }
    if (value.length() > MAX_IDENTIFIER_LENGTH) {
      throw ApiException.invalid(
          "Field '" + field + "' is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid("Field '" + field + "' contains control characters");
    }
    return value;
  }

  /** A checked path parameter. */
  public static String path(RoutingContext ctx, String name) {
    return identifier(name, ctx.pathParam(name));
  }

  /** A checked query parameter; absent or empty gives null. */
  public static String query(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    return value == null || value.isEmpty() ? null : identifier(name, value);
  }

  /**
   * The {@code limit} query parameter: {@code fallback} when absent, at most {@code max}; a value
   * that is not a positive integer is refused.
   */
  public static int limit(RoutingContext ctx, int fallback, int max) {
    String value = ctx.queryParams().get("limit");
    if (value == null || value.isEmpty()) {
      return Math.min(fallback, max);
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("Query parameter 'limit' must be a positive integer");
    }
    if (parsed < 1) {
      throw ApiException.invalid("Query parameter 'limit' must be a positive integer");
    }
    return (int) Math.min(parsed, max);
  }

  /** The body as a JSON object; an empty body is an empty object. */
  public static JsonObject body(RoutingContext ctx) {
    Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
    return parseObject(buffer);
  }

  /** Parses {@code buffer} as a JSON object; null or blank gives an empty object. */
  public static JsonObject parseObject(Buffer buffer) {
    if (buffer == null || buffer.toString().isBlank()) {
      return new JsonObject();
    }
    Object value;
    try {
      value = io.vertx.core.json.Json.decodeValue(buffer);
    } catch (DecodeException e) {
      throw new ApiException(400, ApiException.INVALID_JSON, "Request body is not valid JSON");
    }
    if (value instanceof JsonObject o) {
      return o;
    }
    throw ApiException.invalid("Request body must be a JSON object");
  }

  /** An optional string field, checked as an identifier. */
  public static String identifierField(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw ApiException.invalid("Field '" + field + "' must be a string");
    }
    return identifier(field, s);
  }

  /** An optional JSON object field as a plain map; absent or null gives an empty map. */
  public static Map<String, Object> objectField(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof JsonObject o)) {
      throw ApiException.invalid("Field '" + field + "' must be a JSON object");
    }
    return Json.toPlainMap(o);
  }

  /** The event type of an event body: {@code type}, else {@code event}; required. */
  public static String eventType(JsonObject body) {
    String type = identifierFieldOrBlank(body, "type");
    if (type == null) {
      type = identifierFieldOrBlank(body, "event");
    }
    if (type == null) {
      throw ApiException.invalid(MISSING_EVENT_TYPE);
    }
    return type;
  }

  private static String identifierFieldOrBlank(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value instanceof String s && s.isBlank()) {
      return null;
    }
    return identifierField(body, field);
  }
}
