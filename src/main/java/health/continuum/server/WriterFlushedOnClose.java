package health.continuum.server;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A response whose writer reaches the client when its buffer fills and when it is closed, not at every flush.
 * HAPI's JSON encoder flushes after each value it writes (Jackson's FLUSH_AFTER_WRITE_VALUE, on by default), and
 * each flush of the servlet writer is a socket write: the 1.5 MB CapabilityStatement went out in tens of thousands
 * of them, 250-350 ms against 30-40 ms for the same statement in XML. HAPI closes the writer when it is done.
 */
final class WriterFlushedOnClose extends HttpServletResponseWrapper {

    private PrintWriter writer;

    WriterFlushedOnClose(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new FilterWriter(super.getWriter()) {
                @Override
                public void flush() {
                    // left to the container's buffer and to close()
                }
            });
        }
        return writer;
    }
}
