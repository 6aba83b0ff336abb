/** FHIR glue of the coordination workflow: {@code CoordinatorTasks} builds the server's Tasks for the coordinator. */
package health.continuum.workflow.glue;
