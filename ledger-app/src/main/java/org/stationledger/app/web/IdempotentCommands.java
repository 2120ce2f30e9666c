package org.stationledger.app.web;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.stationledger.events.LedgerMetaData;

/**
 * Ties an idempotent request's key to the commands it sends: each carries the key in its metadata, and the key is
 * marked carried out in the command's own transaction. So a key whose answer was never kept (the ledger stopped after
 * the command committed and before the answer was stored) is known to have run, and its retry does not run it again;
 * a command that is refused or rolled back leaves no mark, and its retry runs.
 */
@Component
class IdempotentCommands {

    /** The request's key while its handler runs (set by {@link IdempotencyFilter}); a command's metadata key too. */
    static final String KEY = "idempotencyKey";

    IdempotentCommands(CommandGateway gateway, CommandBus commandBus, IdempotencyKeys keys) {
        gateway.registerDispatchInterceptor(messages -> (index, command) -> {
            String key = MDC.get(KEY);
            return key == null ? command : command.andMetaData(Map.of(KEY, key));
        });
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            var metaData = unitOfWork.getMessage().getMetaData();
            Object key = metaData.get(KEY);
            Object principal = metaData.get(LedgerMetaData.PRINCIPAL);
            if (key != null && principal != null) {
                keys.carriedOut(principal.toString(), key.toString());
            }
            return chain.proceed();
        });
    }
}
