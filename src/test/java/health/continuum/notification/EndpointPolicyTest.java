package health.continuum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hosts a subscription may deliver to: loopback, and what the site allowed by name; nothing else. */
class EndpointPolicyTest {

    private static final EndpointPolicy POLICY = new EndpointPolicy(List.of(" Hooks.Example.org ", ""));

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9000/hook", "https://LOCALHOST/hook", "http://127.0.0.1:8080/fhir",
        "http://127.255.10.1/", "http://[::1]:9000/hook", "https://hooks.example.org/fhir/notify",
        "http://HOOKS.EXAMPLE.ORG:8443/x?y=1"})
    void loopbackAndAllowedHostsAreAccepted(String endpoint) {
        assertThat(POLICY.refusal(endpoint)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.5/admin", "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1/", "http://internal.corp/", "http://2130706433/",
        "http://127.0.0.1.nip.io/", "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/",
        "http://hooks.example.org.evil.net/", "http://evil.net/hooks.example.org"})
    void everyOtherHostIsRefusedNamingTheSetting(String endpoint) {
        assertThat(POLICY.refusal(endpoint)).hasValueSatisfying(reason ->
                assertThat(reason).contains("continuum.notification.allowed-hosts", "is not one of them"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.org@10.0.0.5/", "http://user:pw@hooks.example.org/",
        "ftp://hooks.example.org/", "file:///etc/passwd", "gopher://localhost/", "hooks.example.org/fhir",
        "http:///nohost", "http://exa mple.org/", "http://0x7f.0.0.1/", "http://127.1/", "", " "})
    void credentialsOtherSchemesNonUrlsAndUnparsableHostsAreRefused(String endpoint) {
        assertThat(POLICY.refusal(endpoint)).isPresent();
    }
}
