/** The calendar's settings, {@code continuum.calendar.*}, as the clock every capability counts business days with. */
package health.continuum.calendar.glue;
