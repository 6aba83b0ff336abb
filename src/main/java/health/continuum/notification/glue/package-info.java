/** The subscription guard on every Subscription write: endpoint host, channel type and criteria. */
package health.continuum.notification.glue;
