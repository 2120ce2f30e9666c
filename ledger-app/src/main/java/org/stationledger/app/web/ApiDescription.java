package org.stationledger.app.web;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stationledger.events.Actor;

/**
 * The request headers every command or every read accepts, which no controller declares because filters and advice
 * handle them: {@code Idempotency-Key} and {@code Prefer} on each POST, {@code X-Ledger-Position} on each GET. The
 * caller, which handlers take as a parameter, is not one of the request's.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static {
        // The caller comes from the credentials (WebConfiguration), never from the request: not a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenApiCustomizer ledgerRequestHeaders() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            if (item.getPost() != null) {
                item.getPost().addParametersItem(idempotencyKey()).addParametersItem(prefer());
            }
            if (item.getGet() != null) {
                item.getGet().addParametersItem(position());
            }
        });
    }

    private static Parameter idempotencyKey() {
        return new HeaderParameter().name(IdempotencyFilter.KEY_HEADER)
                .description("Answer this command once: a retry with the same key and the same request gets the first"
                             + " answer again (header Idempotent-Replayed) and runs nothing.")
                .schema(new StringSchema().minLength(1).maxLength(255));
    }

    private static Parameter prefer() {
        return new HeaderParameter().name("Prefer")
                .description("read-your-writes=deferred: answer once the command is committed instead of once this"
                             + " node's read models show it; present the answer's X-Ledger-Position on a later GET.")
                .schema(new StringSchema()._enum(List.of(ReadYourWrites.DEFERRED)));
    }

    private static Parameter position() {
        return new HeaderParameter().name(ReadYourWrites.POSITION_HEADER)
                .description("A position a command's answer carried: answer once this node's read models have reached"
                             + " it (503 read-models-behind if they do not within the wait).")
                .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
    }
}
