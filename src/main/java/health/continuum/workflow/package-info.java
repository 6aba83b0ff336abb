/**
 * Coordination workflow: the Tasks a care coordinator works through. The pure core is the Task lifecycle (which
 * status changes a table allows); {@link health.continuum.workflow.glue} holds it to every Task write and builds the
 * Tasks the server writes for the coordinator, so that they all look the same.
 */
package health.continuum.workflow;
