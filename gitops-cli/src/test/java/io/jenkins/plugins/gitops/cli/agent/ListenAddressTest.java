package io.jenkins.plugins.gitops.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void acceptsLoopbackAddresses() {
        InetSocketAddress v4 = ListenAddress.parse("127.0.0.1:9464", false);
        InetSocketAddress v6 = ListenAddress.parse("[::1]:0", false);

        assertThat(v4.getAddress().isLoopbackAddress()).isTrue();
        assertThat(v4.getPort()).isEqualTo(9464);
        assertThat(v6.getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(ListenAddress.parse("localhost:8080", false).getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void refusesOtherAddressesUnlessListenAnyIsGiven() {
        assertThatThrownBy(() -> ListenAddress.parse("0.0.0.0:9464", false)).isInstanceOf(InvalidInputException.class)
                .hasMessage("--listen 0.0.0.0:9464: 0.0.0.0 is not a loopback address and the endpoints have no "
                        + "authentication; use 127.0.0.1 or add --listen-any (e.g. --listen 127.0.0.1:9464)");

        assertThat(ListenAddress.parse("0.0.0.0:9464", true).getAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void refusesMalformedValuesWithTheExpectedForm() {
        assertThatThrownBy(() -> ListenAddress.parse("9464", false)).hasMessageContaining("expected HOST:PORT");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:", false)).hasMessageContaining("expected HOST:PORT");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:http", false)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:70000", false)).hasMessageContaining("0 and 65535");
    }
}
