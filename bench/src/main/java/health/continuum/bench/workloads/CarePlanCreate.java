package health.continuum.bench.workloads;

import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;
import java.nio.file.Path;

/** A new profiled CarePlan per request, like the patient's own: profile validation (issue 3). */
public final class CarePlanCreate implements Workload {

    @Override
    public String name() {
        return "careplan-create";
    }

    @Override
    public String description() {
        return "POSTs a profiled CarePlan";
    }

    @Override
    public Load prepare(WorkloadContext context) {
        Path file = context.writeBody("care-plan.json", context.record().carePlan());
        return context.wrk().load("POST", context.fhir().base() + "/CarePlan", file, context.connections());
    }
}
