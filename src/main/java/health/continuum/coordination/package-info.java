/**
 * Coordination gaps: what an accepted EHR record lacks for care coordination (a care team without a coordinator, a
 * care plan without a goal) becomes an open Task for the coordinator, once, completed when the record is fixed.
 * {@link health.continuum.coordination.CoordinationGaps} is the pure core; the interceptor and
 * {@link health.continuum.coordination.GapTasks} are the glue that reads and writes the Tasks.
 */
package health.continuum.coordination;
