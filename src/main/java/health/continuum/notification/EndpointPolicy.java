package health.continuum.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the server may deliver notifications: an http or https URL whose host is a loopback host or one a site has
 * allowed by name. Anything else (10.0.0.5, 169.254.169.254, a numeric form of an address, a URL carrying credentials)
 * is refused, so that a client cannot make the server call into the network it runs in (server-side request forgery).
 */
public final class EndpointPolicy {

    private static final Pattern LOOPBACK_IPV4 =
            Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "0:0:0:0:0:0:0:1");

    private final Set<String> allowedHosts;

    public EndpointPolicy(Collection<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why the server may not deliver to this endpoint, or empty when it may. */
    public Optional<String> refusal(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.of("A rest-hook subscription needs channel.endpoint, the URL to deliver to");
        }
        URI uri;
        try {
            uri = new URI(endpoint.strip());
        } catch (URISyntaxException e) {
            return Optional.of("'%s' is not a URL: %s".formatted(endpoint, e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("'%s': the server delivers only to http and https URLs".formatted(endpoint));
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("'%s': an endpoint URL may not carry credentials; send them as channel.header"
                    .formatted(endpoint));
        }
        if (uri.getHost() == null) {
            return Optional.of("'%s' names no host".formatted(endpoint));
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        if (isLoopback(host) || allowedHosts.contains(host)) {
            return Optional.empty();
        }
        return Optional.of(("'%s': subscriptions deliver only to loopback hosts and to the hosts of"
                + " continuum.notification.allowed-hosts, and %s is not one of them").formatted(endpoint, host));
    }

    private static boolean isLoopback(String host) {
        return LOOPBACK_NAMES.contains(host) || LOOPBACK_IPV4.matcher(host).matches();
    }
}
