package health.continuum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Continuum: a FHIR R4 server for care coordination. Auto-configurations it must not get: application.yaml. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContinuumApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContinuumApplication.class, args);
    }
}
