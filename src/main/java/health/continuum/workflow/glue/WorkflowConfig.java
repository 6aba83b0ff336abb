package health.continuum.workflow.glue;

import health.continuum.workflow.TaskLifecycle;
import health.continuum.workflow.TaskTransitions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Task lifecycle table, read once at start-up so that an invalid table stops the server with its problems. */
@Configuration
public class WorkflowConfig {

    @Bean
    public TaskLifecycle taskLifecycle(WorkflowProperties properties) throws IOException {
        if (properties.taskTransitions() == null || properties.taskTransitions().toString().isBlank()) {
            return TaskTransitions.builtIn();
        }
        try (InputStream in = Files.newInputStream(properties.taskTransitions())) {
            return TaskTransitions.read(properties.taskTransitions().toString(), in);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("continuum.workflow.task-transitions is invalid: " + e.getMessage(), e);
        }
    }
}
