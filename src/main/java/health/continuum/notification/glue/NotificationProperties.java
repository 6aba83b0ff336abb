package health.continuum.notification.glue;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of notifications, under {@code continuum.notification}.
 *
 * @param allowedHosts the host names, besides loopback, that subscriptions may deliver to (a care team's receivers)
 */
@ConfigurationProperties("continuum.notification")
public record NotificationProperties(List<String> allowedHosts) {}
