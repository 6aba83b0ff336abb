/**
 * Notifications to the care team. So far the guard on what may be subscribed to: the hosts a subscription may deliver
 * to (no server-side request forgery into internal networks) and well-formed criteria; delivery is to come.
 */
package health.continuum.notification;
