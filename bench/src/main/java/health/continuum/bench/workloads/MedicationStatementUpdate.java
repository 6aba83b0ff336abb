package health.continuum.bench.workloads;

import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.ResourceBodies;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;
import java.nio.file.Path;
import java.util.List;

/**
 * A new dosage text for one of the patient's 20 active medications per request: validation and the comparison
 * with the 19 others (issue 4). On 1 connection: concurrent updates of one resource would measure the server's
 * retries of version conflicts, and p50 added is then what the checks add to one request.
 */
public final class MedicationStatementUpdate implements Workload {

    @Override
    public String name() {
        return "medstatement-update";
    }

    @Override
    public String description() {
        return "PUTs one of the patient's 20 active MedicationStatements with a new dosage text (validated and "
                + "compared with the 19 others), on 1 connection because concurrent updates of one resource would "
                + "measure version-conflict retries";
    }

    @Override
    public Load prepare(WorkloadContext context) {
        List<String> active = context.record().activeMedications();
        String id = active.get(active.size() - 1);
        // workload.lua stamps each request: HAPI answers a PUT of unchanged content without writing a version.
        String body = ResourceBodies.withId(ResourceBodies.medicationStatement("active", context.record().patient(),
                "9997", "spironolactone", "25 mg once daily (@@STAMP@@)"), id);
        Path file = context.writeBody("medication-statement-update.json", body);
        return context.wrk().load("PUT", context.fhir().base() + "/MedicationStatement/" + id, file, 1);
    }
}
