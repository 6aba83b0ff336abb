import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ValidationResult;
import health.continuum.canonical.Canonical;
import health.continuum.conformance.glue.ConformancePackage;
import health.continuum.conformance.glue.CoreDefinitions;
import health.continuum.conformance.glue.ProfileValidator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Per-resource cost of profile validation after warm-up, as the write interceptor pays it: a parsed resource
 * validated against the Continuum profile of its type. Prints p50/p95 of thread CPU and wall time per call.
 * Run from the repository root; the defaults are 200 warm-up and 500 measured validations of each resource.
 *
 * <pre>
 * ./mvnw -o -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "target/classes:$(cat target/classpath.txt)" bench/ValidationLatency.java [warm-up] [measured]
 * </pre>
 */
public class ValidationLatency {

    private static final Path EXAMPLES = Path.of("fhir-profiles", "examples");
    private static final String PROFILE_BASE = Canonical.BASE + "/StructureDefinition/";

    public static void main(String[] args) throws Exception {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        FhirContext fhir = FhirContext.forR4Cached();
        ProfileValidator validator = new ProfileValidator(fhir, new CoreDefinitions(fhir), ConformancePackage.loadBuiltIn(fhir));

        measure(fhir, validator, "CarePlan-maria-alvarez-transitional-care.json", "continuum-careplan",
                warmUp, measured);
        measure(fhir, validator, "MedicationStatement-furosemide.json", "continuum-medicationstatement",
                warmUp, measured);
    }

    private static void measure(FhirContext fhir, ProfileValidator validator, String example, String profile,
            int warmUp, int measured) throws Exception {
        IBaseResource resource = fhir.newJsonParser().parseResource(Files.readString(EXAMPLES.resolve(example)));
        String profileUrl = PROFILE_BASE + profile;
        ValidationResult first = validator.validate(resource, profileUrl);
        for (int i = 1; i < warmUp; i++) {
            validator.validate(resource, profileUrl);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[measured];
        long[] wall = new long[measured];
        for (int i = 0; i < measured; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            validator.validate(resource, profileUrl);
            wall[i] = System.nanoTime() - wallStart;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        System.out.printf("%-20s %d issues | cpu p50 %5.2f ms p95 %5.2f ms | wall p50 %5.2f ms p95 %5.2f ms"
                        + " (%d warm-up, %d measured)%n",
                resource.fhirType(), first.getMessages().size(), percentile(cpu, 50), percentile(cpu, 95),
                percentile(wall, 50), percentile(wall, 95), warmUp, measured);
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
