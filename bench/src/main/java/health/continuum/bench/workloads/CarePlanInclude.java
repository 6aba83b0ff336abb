package health.continuum.bench.workloads;

import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;

/** An app reading the shared care plan with its care team. */
public final class CarePlanInclude implements Workload {

    @Override
    public String name() {
        return "careplan-include";
    }

    @Override
    public String description() {
        return "GET CarePlan?patient=X&_include=CarePlan:care-team: an app reading the patient's care plan with its "
                + "care team";
    }

    @Override
    public Load prepare(WorkloadContext context) {
        String url = context.fhir().base() + "/CarePlan?patient=" + context.record().patientId()
                + "&_include=CarePlan:care-team";
        return context.wrk().load("GET", url, null, context.connections());
    }
}
