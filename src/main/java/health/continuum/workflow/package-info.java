/**
 * Coordination workflow: the Tasks a care coordinator works through. Its pure core (Task lifecycle, worklists) comes
 * with the workflow issue; today the package holds only {@link health.continuum.workflow.glue}, where every capability
 * builds the Tasks the server writes for the coordinator, so that they all look the same.
 */
package health.continuum.workflow;
