package com.filemailbatch.notifications;

import java.util.Locale;

/** How a notification travels. */
public enum Channel {
    WEBHOOK, EMAIL;

    /** As listed and tagged: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
