package shop.verdant.http;

import java.time.Instant;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/** The one configured ObjectMapper: ISO dates, no nulls written, unknown cached fields tolerated. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(instants())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** For request bodies: unknown fields, trailing tokens and nulls for primitives are errors, not guesses. */
    private static final ObjectMapper STRICT = MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    /**
     * {@link Instant} as ISO-8601 text, the only time type the shop writes: what JavaTimeModule does for it,
     * without loading that module's serializers for every java.time type (~20 ms of a cold start).
     */
    private static com.fasterxml.jackson.databind.Module instants() {
        return new com.fasterxml.jackson.databind.module.SimpleModule("instants")
                .addSerializer(Instant.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(Instant.class) {
                    @Override
                    public void serialize(Instant value, com.fasterxml.jackson.core.JsonGenerator gen,
                                          com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
                        gen.writeString(value.toString());
                    }
                })
                .addDeserializer(Instant.class, new com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<>(Instant.class) {
                    @Override
                    public Instant deserialize(com.fasterxml.jackson.core.JsonParser p,
                                               com.fasterxml.jackson.databind.DeserializationContext ctx) throws java.io.IOException {
                        String text = p.getValueAsString();
                        try {
                            return text == null ? null : Instant.parse(text);
                        } catch (java.time.format.DateTimeParseException e) {
                            return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
                        }
                    }
                });
    }

    /** Larger bodies are refused before parsing: no request of this API needs more. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    private Json() {
    }

    /**
     * Reads a request body strictly. Every failure is a {@link shop.verdant.domain.common.ValidationException}
     * naming the field (a 400 problem), never a 500: missing or oversized body, malformed JSON, unknown
     * fields, wrong types, numbers out of range.
     */
    public static <T> T readBody(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw shop.verdant.domain.common.ValidationException.of("body", "A JSON body is required.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw shop.verdant.domain.common.ValidationException.of("body", "The body is larger than " + MAX_BODY_CHARS + " characters.");
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw shop.verdant.domain.common.ValidationException.of("body", "A JSON object is required.");
            }
            return value;
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw shop.verdant.domain.common.ValidationException.of(path(e), "Unknown field.");
        } catch (com.fasterxml.jackson.core.exc.InputCoercionException e) {
            throw shop.verdant.domain.common.ValidationException.of("body", "A number is out of range.");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty() && e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
                field = "body";
            }
            throw shop.verdant.domain.common.ValidationException.of(field.isEmpty() ? "body" : field,
                    e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException
                            ? "The number is out of range." : "Has the wrong type or shape.");
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            if (e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException) {
                throw shop.verdant.domain.common.ValidationException.of("body", "Is not well-formed JSON.");
            }
            String field = path(e);
            String message = String.valueOf(e.getOriginalMessage());
            throw shop.verdant.domain.common.ValidationException.of(field.isEmpty() ? "body" : field,
                    message.contains("out of range") ? "The number is out of range." : "Is not valid.");
        } catch (JsonProcessingException e) {
            throw shop.verdant.domain.common.ValidationException.of("body", "Is not well-formed JSON.");
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
