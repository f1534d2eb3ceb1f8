package com.filemailbatch.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The master secrets, {@code filemail.batch.*}, set in the environment: {@code FILEMAIL_BATCH_SECRET} and
 * {@code FILEMAIL_BATCH_NEW_SECRET}. Never on the command line, where any user of the machine could read them.
 *
 * @param secret    the master secret, when the key is not kept in {@code master.key} ({@code FILEMAIL_BATCH_SECRET});
 *                  empty for none
 * @param newSecret the secret {@code rotate-key} re-encrypts under ({@code FILEMAIL_BATCH_NEW_SECRET}); empty for none
 */
@ConfigurationProperties("filemail.batch")
public record MasterSecrets(@DefaultValue("") String secret, @Name("new") @DefaultValue NewSecret newSecret) {

    /**
     * {@code filemail.batch.new.secret}: so named that {@code FILEMAIL_BATCH_NEW_SECRET} sets it.
     *
     * @param secret the secret {@code rotate-key} re-encrypts under ({@code FILEMAIL_BATCH_NEW_SECRET}); empty for none
     */
    public record NewSecret(@DefaultValue("") String secret) {

        @Override
        public String toString() {
            return "NewSecret[secret=" + (secret.isEmpty() ? "" : "***") + "]";
        }
    }

    /** Never the secrets themselves: a record's default toString would print them wherever it is logged. */
    @Override
    public String toString() {
        return "MasterSecrets[secret=" + (secret.isEmpty() ? "" : "***") + ", newSecret=" + newSecret + "]";
    }
}
