package health.continuum.assessment.glue;

import health.continuum.conformance.glue.ConformancePackage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instruments, read once from the conformance package and the score bands. */
@Configuration
public class AssessmentConfig {

    @Bean
    public Instruments instruments(ConformancePackage conformancePackage) {
        return Instruments.of(conformancePackage);
    }
}
