package health.continuum.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class WriterFlushedOnCloseTest {

    @Test
    void aFlushDoesNotSendTheResponseAndCloseDoes() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        PrintWriter writer = new WriterFlushedOnClose(response).getWriter();

        writer.write("{\"resourceType\":");
        writer.flush();
        // The mock's own writer commits the response at every flush, as a container's writer sends its buffer
        assertThat(response.isCommitted()).isFalse();

        writer.write("\"CapabilityStatement\"}");
        writer.close();
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getContentAsString()).isEqualTo("{\"resourceType\":\"CapabilityStatement\"}");
    }

    @Test
    void everyCallGetsTheSameWriter() throws Exception {
        WriterFlushedOnClose response = new WriterFlushedOnClose(new MockHttpServletResponse());

        assertThat(response.getWriter()).isSameAs(response.getWriter());
    }
}
