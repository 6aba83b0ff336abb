package health.continuum.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

    @TempDir
    Path dir;

    @Test
    void onePanelRowPerDatabaseTwoPanelsWide() throws IOException {
        List<WorkloadRow> rows = new ArrayList<>(Fixtures.results(dir).workloads().rows());
        rows.addAll(rows.stream().map(row -> new WorkloadRow("postgresql", row.checks(), row.workload(),
                row.durationS(), row.connections(), row.requests(), row.reqPerS(), row.p50Ms(), row.p95Ms(),
                row.p99Ms(), row.non2xx(), row.socketErrors())).toList());
        Path png = dir.resolve("workloads.png");
        Chart.write(rows, "Continuum workloads, checks on vs off", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(70 + 2 * 360, image.getHeight());
        // careplan-include's throughput bars: 2 groups of 305 px from x = 70, bars 40 px wide, centred; axis at y = 380.
        assertEquals(Chart.CHECKS_ON.getRGB(), image.getRGB(202, 375));
        assertEquals(Chart.CHECKS_OFF.getRGB(), image.getRGB(242, 375));
        assertEquals(Chart.CHECKS_ON.getRGB(), image.getRGB(202, 360 + 375));
    }

    @Test
    void oneDatabaseIsOneRow() throws IOException {
        Path png = dir.resolve("h2.png");
        Chart.write(Fixtures.results(dir).workloads().rows(), "title", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(430, image.getHeight());
    }

    @Test
    void nothingToChartIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Chart.write(List.of(), "title", dir.resolve("x.png")));
    }

    @Test
    void axesEndOnRoundNumbers() {
        assertEquals(1, ChartPanel.niceCeiling(0));
        assertEquals(200, ChartPanel.niceCeiling(180.4));
        assertEquals(250, ChartPanel.niceCeiling(201));
        assertEquals(500, ChartPanel.niceCeiling(498.5));
        assertEquals(1000, ChartPanel.niceCeiling(635.65));
        assertEquals(10, ChartPanel.niceCeiling(10));
    }
}
