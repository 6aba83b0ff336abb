package health.continuum.workflow.glue;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the coordination workflow ({@code continuum.workflow.*}); defaults live in application.yaml.
 *
 * @param taskTransitions a site's task-transitions.csv read instead of the built-in table; none: the built-in one
 */
@ConfigurationProperties("continuum.workflow")
public record WorkflowProperties(Path taskTransitions) {}
