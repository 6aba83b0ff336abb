/**
 * HAPI and Spring glue of coordination gaps: {@code CoordinationGapInterceptor} hands each checked record to the core
 * when its write commits, and {@code GapTasks} stores the Tasks the core decides on.
 */
package health.continuum.coordination.glue;
