package health.continuum.bench.workloads;

import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;

/** The first page (default page size) of the patient's $everything. */
public final class PatientEverything implements Workload {

    @Override
    public String name() {
        return "patient-everything";
    }

    @Override
    public String description() {
        return "GET Patient/X/$everything, its first page (default page size)";
    }

    @Override
    public Load prepare(WorkloadContext context) {
        String url = context.fhir().base() + "/Patient/" + context.record().patientId() + "/$everything";
        return context.wrk().load("GET", url, null, context.connections());
    }
}
