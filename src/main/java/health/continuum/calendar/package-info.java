/**
 * The care organization's calendar, pure core: business days (Monday to Friday, minus the site's holidays) on the dates
 * of one time zone, shared by the TCM deadlines of transitions and the due dates of coordination worklists. Its
 * settings ({@code continuum.calendar.*}) are read by {@link health.continuum.calendar.glue}.
 */
package health.continuum.calendar;
