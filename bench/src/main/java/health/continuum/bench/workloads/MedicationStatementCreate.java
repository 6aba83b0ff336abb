package health.continuum.bench.workloads;

import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.ResourceBodies;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;
import java.nio.file.Path;

/**
 * A new MedicationStatement per request, status completed (a past medication): validated (issue 3), but it adds
 * nothing to the active medications the checks compare.
 */
public final class MedicationStatementCreate implements Workload {

    @Override
    public String name() {
        return "medstatement-create";
    }

    @Override
    public String description() {
        return "POSTs a profiled MedicationStatement with status completed (validated, not compared)";
    }

    @Override
    public Load prepare(WorkloadContext context) {
        String body = ResourceBodies.medicationStatement("completed", context.record().patient(), "2670", "codeine",
                "as directed");
        Path file = context.writeBody("medication-statement-create.json", body);
        return context.wrk().load("POST", context.fhir().base() + "/MedicationStatement", file, context.connections());
    }
}
