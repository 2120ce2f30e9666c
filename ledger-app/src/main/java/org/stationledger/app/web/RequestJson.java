package org.stationledger.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the ledger reads a request body: strictly, because what it accepts becomes an event that can never be removed,
 * and every read model and report must be able to hold it.
 *
 * <ul>
 * <li>JSON that says one thing only: a repeated key, or anything after the document, is refused (otherwise the last
 * key won, silently);
 * <li>no guessing at types: a number or boolean where text is expected, a fraction where a whole number is, a number
 * for an enum (its position) or for a date (days since 1970), a number for a boolean — all refused. A number written
 * as text ({@code "2.5"}) is still read as the number: decimals are often sent that way to keep their digits;
 * <li>text without control characters (but tab and line breaks) and without half of a UTF-16 pair: PostgreSQL cannot
 * store U+0000 in a text column, nor the reports in a workbook (XML) most of the others;
 * <li>dates and instants between the years {@value #FIRST_YEAR} and {@value #LAST_YEAR}, the years the ledger rates
 * and reports on: a year PostgreSQL cannot store (0, 10000) would otherwise stop the read models that handle it.
 * </ul>
 *
 * Only requests are read this way; the events' own mapper stays lenient, so that the ledger's history stays readable.
 *
 * <p>A body is read only as JSON. Spring MVC adds a converter for each of Jackson's other formats it finds on the
 * classpath (YAML is there, for the users file), and such a converter would read a body past every rule above: a YAML
 * body with U+0000 in a text once became an event and stopped three read models for good. Those converters are
 * removed, so any other content type is answered 415.
 */
@Configuration(proxyBeanMethods = false)
class RequestJson implements WebMvcConfigurer {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(strict(objectMapper.copy()));
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof AbstractJackson2HttpMessageConverter
                                         && !(converter instanceof MappingJackson2HttpMessageConverter));
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper.registerModule(new SimpleModule("ledger-requests")
                .addDeserializer(String.class, new Text())
                .addDeserializer(LocalDate.class, new InLedgerYears<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        LocalDate::getYear))
                .addDeserializer(Instant.class, new InLedgerYears<>(Instant.class, InstantDeserializer.INSTANT,
                        instant -> instant.atOffset(ZoneOffset.UTC).getYear())));
    }

    /** Text as given, when it is text and holds nothing a read model or report cannot keep. */
    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return (String) context.handleWeirdStringValue(String.class, text,
                            "control character U+%04X is not allowed in text", (int) c);
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return (String) context.handleWeirdStringValue(String.class, text,
                            "half of a UTF-16 surrogate pair is not text");
                }
            }
            return text;
        }
    }

    /** A date or instant read as Jackson's Java time module reads it, then held to the ledger's years. */
    private static final class InLedgerYears<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<? extends T> reader;
        private final java.util.function.ToIntFunction<T> year;

        InLedgerYears(Class<T> type, JsonDeserializer<? extends T> reader, java.util.function.ToIntFunction<T> year) {
            super(type);
            this.reader = reader;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = reader.deserialize(parser, context);
            if (value != null && (year.applyAsInt(value) < FIRST_YEAR || year.applyAsInt(value) > LAST_YEAR)) {
                @SuppressWarnings("unchecked")
                T refused = (T) context.handleWeirdStringValue(handledType(), parser.getText(),
                        "the ledger keeps dates in the years %d to %d", FIRST_YEAR, LAST_YEAR);
                return refused;
            }
            return value;
        }
    }
}
