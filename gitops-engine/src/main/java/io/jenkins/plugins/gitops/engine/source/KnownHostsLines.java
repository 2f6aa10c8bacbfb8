package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/** Trusts exactly the SSH host keys given as {@code known_hosts} lines; everything else is refused. */
final class KnownHostsLines implements ServerKeyDatabase {
    private record Entry(KnownHostEntry host, PublicKey key) {
    }

    private final List<Entry> entries = new ArrayList<>();

    KnownHostsLines(String lines) {
        try {
            for (KnownHostEntry e : KnownHostEntry.readKnownHostEntries(new StringReader(lines), true)) {
                if (e.getMarker() != null || e.getKeyEntry() == null) {
                    continue; // @revoked / @cert-authority lines are not supported: never trust them
                }
                PublicKey key = e.getKeyEntry().resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
                if (key != null) {
                    entries.add(new Entry(e, key));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException("the known_hosts lines of the SSH credential cannot be read: "
                    + e.getMessage() + "; use lines as printed by ssh-keyscan", e);
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException("the known_hosts lines of the SSH credential contain no usable host key;"
                    + " use lines as printed by ssh-keyscan");
        }
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        String host = connectAddress;
        int port = remoteAddress != null ? remoteAddress.getPort() : 22;
        if (connectAddress.startsWith("[") && connectAddress.contains("]:")) {
            host = connectAddress.substring(1, connectAddress.indexOf(']'));
            port = Integer.parseInt(connectAddress.substring(connectAddress.indexOf("]:") + 2));
        }
        String ip = remoteAddress != null && remoteAddress.getAddress() != null
                ? remoteAddress.getAddress().getHostAddress() : null;
        List<PublicKey> keys = new ArrayList<>();
        for (Entry e : entries) {
            if (e.host().isHostMatch(host, port) || (ip != null && e.host().isHostMatch(ip, port))) {
                keys.add(e.key());
            }
        }
        return keys;
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
            Configuration config, CredentialsProvider provider) {
        return lookup(connectAddress, remoteAddress, config).stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey));
    }
}
