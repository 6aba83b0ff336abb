package health.continuum.bench.workloads;

import health.continuum.bench.workload.Load;
import health.continuum.bench.workload.Workload;
import health.continuum.bench.workload.WorkloadContext;

/** A coordinator's worklist: open Tasks by due date (the custom due-date SearchParameter). */
public final class TaskWorklist implements Workload {

    @Override
    public String name() {
        return "task-worklist";
    }

    @Override
    public String description() {
        return "GET Task?owner=P&status=requested,in-progress&_sort=due-date (the custom SearchParameter on "
                + "Task.restriction.period.end): the coordinator's worklist, 20 of P's 30 Tasks open";
    }

    @Override
    public Load prepare(WorkloadContext context) {
        String url = context.fhir().base() + "/Task?owner=" + context.record().practitioner()
                + "&status=requested,in-progress&_sort=due-date";
        return context.wrk().load("GET", url, null, context.connections());
    }
}
