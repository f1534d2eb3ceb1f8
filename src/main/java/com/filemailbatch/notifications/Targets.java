package com.filemailbatch.notifications;

import java.net.URI;

/** How a channel target is shown: a webhook's address often holds its token in the path, so only its host shows. */
final class Targets {

    private Targets() {
    }

    static String shown(Channel channel, String target) {
        if (channel == Channel.EMAIL) {
            return target;
        }
        try {
            URI uri = URI.create(target);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
        } catch (IllegalArgumentException e) {
            return "(webhook)";
        }
    }
}
