package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import health.continuum.support.FhirServerIT;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConditionalCreateIT extends FhirServerIT {

    @Test
    void twentyConcurrentIdenticalConditionalCreatesLeaveExactlyOneResource() throws Exception {
        String identifier = unique();
        String body = """
                {"resourceType":"Patient","identifier":[{"system":"urn:continuum:test","value":"%s"}]}"""
                .formatted(identifier);
        int clients = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return fhir().header("If-None-Exist", "identifier=urn:continuum:test|" + identifier)
                            .body(body).post("/Patient");
                };
                responses.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> future : responses) {
                Response response = future.get(120, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                ids.add(response.jsonPath().getString("id"));
            }
            assertThat(statuses).as("every client gets success").allMatch(s -> s == 200 || s == 201);
            assertThat(statuses).as("exactly one client created it").containsOnlyOnce(201);
            assertThat(ids).as("all clients see the same resource").containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }

        fhir().get("/Patient?identifier=urn:continuum:test|" + identifier).then()
                .statusCode(200)
                .body("total", equalTo(1));
    }
}
