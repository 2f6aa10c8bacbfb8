package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.model.SignatureRule;
import java.util.List;
import java.util.Locale;

/**
 * {@code verify: { signatures: required | warn | off }} of an environment or of {@code defaults:}
 * (docs/gitops-yaml.md, docs/signed-commits.md). The trusted keys are never read from gitops.yaml: they
 * come from the command's options or the Jenkins configuration, so the repository cannot vouch for itself.
 */
final class VerifyParser {
    static final List<String> SIGNATURE_VALUES = List.of("required", "warn", "off");

    private VerifyParser() {
    }

    /** The rule, or null when the entry is wrong (reported to {@code problems}). */
    static SignatureRule signatures(YamlMap.Entry e, Problems problems) {
        YamlMap verify = Values.map(e.value(), e.path(), e.line(), problems);
        if (verify == null) {
            return null;
        }
        verify.rejectUnknown(SettingsParser.VERIFY_KEYS, problems);
        YamlMap.Entry signatures = verify.get("signatures");
        if (signatures == null) {
            problems.error(e.line(), e.path(), "'verify' needs 'signatures: required' (or warn, off); "
                    + "trusted keys are given to the command (--trusted-keys, --allowed-signers), not in gitops.yaml");
            return null;
        }
        String value = Values.oneOf(signatures.value(), signatures.path(), problems, SIGNATURE_VALUES);
        return value == null ? null : SignatureRule.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
