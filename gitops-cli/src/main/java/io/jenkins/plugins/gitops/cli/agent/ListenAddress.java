package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Parses {@code --listen HOST:PORT} ({@code 127.0.0.1:9464}, {@code [::1]:9464}, {@code localhost:0}).
 * The endpoints carry no authentication, so only loopback addresses are accepted unless the user
 * says otherwise with {@code --listen-any}.
 */
final class ListenAddress {
    static final String DEFAULT = "127.0.0.1:9464";

    private ListenAddress() {
    }

    static InetSocketAddress parse(String value, boolean allowNonLoopback) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw invalid(value, "expected HOST:PORT");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(value, "the port is not a number");
        }
        if (port < 0 || port > 65535) {
            throw invalid(value, "the port must be between 0 and 65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw invalid(value, "unknown host '" + host + "'");
        }
        if (!address.isLoopbackAddress() && !allowNonLoopback) {
            throw invalid(value, host + " is not a loopback address and the endpoints have no authentication; "
                    + "use 127.0.0.1 or add --listen-any");
        }
        return new InetSocketAddress(address, port);
    }

    private static InvalidInputException invalid(String value, String reason) {
        return new InvalidInputException("--listen " + value + ": " + reason + " (e.g. --listen " + DEFAULT + ")");
    }
}
