package health.continuum.bench.workload;

/**
 * One measured workload. A new one is a class implementing this and a line in
 * {@link health.continuum.bench.workloads.Workloads#ALL}; see bench/README.md.
 */
public interface Workload {

    /** The name --workloads and the results use, e.g. careplan-include. */
    String name();

    /** What it sends and measures, in a sentence: a note with the results of every run it is part of. */
    String description();

    /**
     * Creates on the server what only this workload reads or writes (the patient's shared record is made for
     * every workload, {@link PatientRecord}) and returns the load to send. Called once per pass, before any
     * workload of the pass runs.
     */
    Load prepare(WorkloadContext context);

    /** A workload whose preparation takes minutes runs only when --workloads names it, never in a full or smoke run. */
    default boolean optIn() {
        return false;
    }
}
