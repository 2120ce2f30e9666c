package org.stationledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.stationledger.app.audit.OfflineVerifier;

/**
 * Runs the ledger. By default one process plays both sides ({@code ledger.role=all}); {@code command} and
 * {@code query} run one side each against the same PostgreSQL, for scale-out. {@code verify ...} instead runs the
 * offline verifier of the audit chain (see {@link OfflineVerifier}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LedgerApplication {

    public static void main(String[] args) {
        if (OfflineVerifier.isRequested(args)) {
            System.exit(OfflineVerifier.run(args, System.out, System.err));
        }
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(LedgerApplication.class, args);
    }
}
