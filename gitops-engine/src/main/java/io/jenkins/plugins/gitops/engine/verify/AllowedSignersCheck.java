package io.jenkins.plugins.gitops.engine.verify;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Checks an allowed_signers file before it is trusted, so that a wrong file (a private key, a
 * known_hosts or authorized_keys file, a typo) is refused naming the file and line instead of making
 * every signature look untrusted (JGit's SSH verifier only logs its parse error). Each line that is
 * neither empty nor a comment must hold, after the principals and any options, a public key that
 * Apache MINA sshd (which JGit's SSH support uses) can read: {@code principals [options] keytype base64}
 * (ssh-keygen(1), ALLOWED SIGNERS). Lines are never quoted in messages: a private key may be among them.
 */
final class AllowedSignersCheck {
    private AllowedSignersCheck() {
    }

    /** @throws InvalidInputException naming {@code source} and the first bad lines */
    static void check(String content, String source) {
        List<Integer> bad = new ArrayList<>();
        int entries = 0;
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries++;
            if (!hasPublicKey(line)) {
                bad.add(i + 1);
            }
        }
        if (!bad.isEmpty()) {
            throw new InvalidInputException("--allowed-signers " + source + ": line" + (bad.size() > 1 ? "s " : " ")
                    + join(bad) + " not an allowed_signers entry ('alice@example.com ssh-ed25519 AAAA...': principals,"
                    + " optional options, a public key); a private key or another kind of file given by mistake?");
        }
        if (entries == 0) {
            throw new InvalidInputException("--allowed-signers " + source + ": no entry in it; add lines"
                    + " 'alice@example.com ssh-ed25519 AAAA...'");
        }
    }

    private static boolean hasPublicKey(String line) {
        String[] tokens = line.split("\\s+");
        for (int i = 1; i + 1 < tokens.length; i++) {
            try {
                PublicKeyEntry entry = PublicKeyEntry.parsePublicKeyEntry(tokens[i] + " " + tokens[i + 1]);
                if (entry != null && entry.resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING) != null) {
                    return true;
                }
            } catch (Exception e) {
                // not a key at this position: options or a quoted value; try the next one
            }
        }
        return false;
    }

    private static String join(List<Integer> lines) {
        List<String> shown = lines.stream().limit(5).map(String::valueOf).toList();
        return String.join(", ", shown) + (lines.size() > 5 ? " and " + (lines.size() - 5) + " more" : "") + (lines.size() > 1
                ? " are" : " is");
    }
}
