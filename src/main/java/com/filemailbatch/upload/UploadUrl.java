package com.filemailbatch.upload;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for where upload bytes may go, and the request URL with its query. The transfer key travels in the
 * query, so plain HTTP is allowed only to this machine (the sandbox); anything else must be HTTPS.
 */
final class UploadUrl {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private UploadUrl() {
    }

    /** Throws before any byte is sent when {@code url} is not https, nor http to a loopback address. */
    static void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("Refusing to upload to " + url + ": the URL has no host.");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(host)) {
            return;
        }
        throw new IllegalArgumentException("Refusing to upload to scheme '" + scheme + "' host '" + host
                + "' (" + url + "): upload URLs must be https, or http to a loopback address (127.0.0.0/8, ::1, "
                + "localhost).");
    }

    /** Only literal addresses and {@code localhost}: no name is resolved, so DNS cannot make a host loopback. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
            return false;
        }
        try {
            // A literal address: getByName parses it without a lookup.
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The upload URL as given, with the parameters added to whatever query it already had. */
    static URI withQuery(URI url, String query) {
        String base = url.toString();
        int fragment = base.indexOf('#');
        if (fragment >= 0) {
            base = base.substring(0, fragment);
        }
        return URI.create(base + (url.getRawQuery() == null ? "?" : "&") + query);
    }

    /** UTF-8 percent-encoding with spaces as {@code %20}, which every server decodes the same way. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
