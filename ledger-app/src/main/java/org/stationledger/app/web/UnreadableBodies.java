package org.stationledger.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, in the client's terms: the field (as a JSON path) and what is wrong with it,
 * without the ledger's class and method names that Jackson and Spring put in their messages.
 */
final class UnreadableBodies {

    /** A backquoted Java type name ({@code `java.time.LocalDate`}, {@code `a.b.Outer$Inner`}): its simple name. */
    private static final Pattern TYPE = Pattern.compile("`(?:[\\w]+\\.)*(?:[\\w]+\\$)*([\\w]+)`");
    /**
     * What Jackson adds for the programmer: the parser token, and how to configure the mapper to accept the value —
     * which says nothing more to a client than the words before it.
     */
    private static final Pattern FOR_THE_PROGRAMMER = Pattern.compile("\\s*\\(token `?JsonToken\\.\\w+`?\\)"
            + "|\\s*\\(but could if coercion was enabled using CoercionConfig\\)"
            + "|: disable \\S+ to allow|\\s*\\(bound as \\w+\\)|: not allowed as per FAIL_ON_TRAILING_TOKENS"
            + "|: Failed to deserialize [\\w.$]+: \\([\\w.$]+\\)");

    private UnreadableBodies() {
    }

    static String reason(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (!(cause instanceof JsonProcessingException)) {
            // A value Jackson handed to a parser of its own (a date such as 2026-02-30): the mapping failure
            // around it names the field.
            cause = innermostMapping(e).map(Throwable.class::cast).orElse(cause);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + path(unknown) + "; the fields are " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field " + path(mapping) + ": " + plain(mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException json) {
            return plain(json.getOriginalMessage());
        }
        return "the request needs a JSON body.";
    }

    private static Optional<JsonMappingException> innermostMapping(Throwable failure) {
        JsonMappingException innermost = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                innermost = mapping;
            }
        }
        return Optional.ofNullable(innermost);
    }

    /** The field's place in the body, e.g. {@code stationIds[2]} or {@code rejected[0].reason}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String plain(String message) {
        String text = String.valueOf(message);
        // Jackson quotes the whole input in some messages; the first line says what is wrong.
        int newline = text.indexOf('\n');
        text = newline > 0 ? text.substring(0, newline) : text;
        return TYPE.matcher(FOR_THE_PROGRAMMER.matcher(text).replaceAll("")).replaceAll("$1");
    }
}
