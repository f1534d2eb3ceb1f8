package com.filemailbatch.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a notice says about where it comes from, {@code filemail.*}.
 *
 * @param sandbox   set by {@code --sandbox}: the embedded Filemail stand-in answers, and every notice's title starts
 *                  with {@code [sandbox]}
 * @param dashboard the dashboard's address, {@code filemail.dashboard.url}: notices link to the run's page
 *                  ({@code URL/runs/ID}); empty for no link
 */
@ConfigurationProperties("filemail")
public record NoticeContext(@DefaultValue("false") boolean sandbox, @DefaultValue Dashboard dashboard) {

    /** @param url the dashboard's address, without or with a final slash; empty for none */
    public record Dashboard(@DefaultValue("") String url) {
    }

    /** The dashboard's address without a final slash, or empty. */
    String dashboardUrl() {
        String url = dashboard.url().strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
