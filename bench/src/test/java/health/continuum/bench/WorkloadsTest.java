package health.continuum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.continuum.bench.workload.Workload;
import health.continuum.bench.workloads.Workloads;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    @Test
    void theReadsRunFirstThenTheTargetedWritesThenTheCreatingOnes() {
        assertEquals(List.of("careplan-include", "task-worklist", "patient-everything", "encounter-discharge",
                "medstatement-update", "careplan-create", "medstatement-create", "saturation-8", "saturation-32",
                "saturation-96", "worklist-100k"), Workloads.names());
    }

    @Test
    void onlyTheHundredThousandTaskWorklistIsOptIn() {
        assertEquals(List.of("worklist-100k"),
                Workloads.ALL.stream().filter(Workload::optIn).map(Workload::name).toList());
    }

    @Test
    void everyWorkloadDescribesItselfForTheNotes() {
        for (Workload workload : Workloads.ALL) {
            assertTrue(workload.description().length() > 20, workload.name());
            assertTrue(workload.name().matches("[a-z0-9$-]+"), workload.name());
        }
    }
}
