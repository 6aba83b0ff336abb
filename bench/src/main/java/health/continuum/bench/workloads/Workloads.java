package health.continuum.bench.workloads;

import health.continuum.bench.workload.Workload;
import java.util.List;

/** Every workload, in the order a pass runs them. */
public final class Workloads {

    /**
     * The reads first; then the two writes with latency targets (issues 4 and 5), which thus see a real record's
     * size; the creating workloads last, since they give the patient thousands of CarePlans and
     * MedicationStatements no real record has; the saturation runs at the very end, since they add Observations by the
     * thousand.
     */
    public static final List<Workload> ALL = List.of(
            new CarePlanInclude(),
            new TaskWorklist(),
            new PatientEverything(),
            new EncounterDischarge(),
            new MedicationStatementUpdate(),
            new CarePlanCreate(),
            new MedicationStatementCreate(),
            new Saturation(8),
            new Saturation(32),
            new Saturation(96),
            new CoordinatorWorklist());

    private Workloads() {}

    public static List<String> names() {
        return ALL.stream().map(Workload::name).toList();
    }
}
