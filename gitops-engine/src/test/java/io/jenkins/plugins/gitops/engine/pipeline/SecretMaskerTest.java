package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    private static final String KEY_LINE = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7o";
    private static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\n" + KEY_LINE + "\n-----END RSA PRIVATE KEY-----\n";

    @Test
    void masksPasswordsEverywhereInAMessage() {
        SecretMasker masker = new SecretMasker(Arrays.asList("s3cr3t-pass", null, ""));

        assertThat(masker.mask("push to https://bob:s3cr3t-pass@git.example failed: s3cr3t-pass rejected"))
                .isEqualTo("push to https://bob:****@git.example failed: **** rejected");
    }

    @Test
    void masksTheLongLinesOfKeyMaterialEvenWhenQuotedAlone() {
        SecretMasker masker = new SecretMasker(List.of(PEM));

        assertThat(masker.mask("cannot parse key: " + KEY_LINE)).isEqualTo("cannot parse key: ****")
                .doesNotContain("MIIE");
        assertThat(masker.mask("-----BEGIN RSA PRIVATE KEY-----")).isEqualTo("-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void wrappedListenerOnlyPassesMaskedMessages() {
        List<String> log = new ArrayList<>();
        SecretMasker masker = new SecretMasker(List.of("tok-123456"));

        masker.wrap(log::add).progress("using token tok-123456");

        assertThat(log).containsExactly("using token ****");
    }

    @Test
    void tooShortValuesAreNotMaskedSoTheLogStaysReadable() {
        SecretMasker masker = new SecretMasker(List.of("ab"));

        assertThat(masker.isEmpty()).isTrue();
        assertThat(masker.mask("table")).isEqualTo("table");
    }
}
