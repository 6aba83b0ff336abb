package health.continuum.bench.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * workloads.png: per database, a row of two panels, throughput (req/s) and latency (bar = p95, whisker from p50
 * to p99) of every workload, checks on next to checks off. Plain java.awt, drawn headless.
 */
public final class Chart {

    static final Color CHECKS_ON = new Color(0x33, 0x66, 0xCC);
    static final Color CHECKS_OFF = new Color(0xF0, 0x8C, 0x28);
    static final int HEADER_HEIGHT = 70;

    private Chart() {}

    public static void write(List<WorkloadRow> rows, String title, Path png) throws IOException {
        // db -> workload -> checks ("on"/"off") -> row, in the order the run measured them
        Map<String, Map<String, Map<String, WorkloadRow>>> data = new LinkedHashMap<>();
        for (WorkloadRow row : rows) {
            data.computeIfAbsent(row.db(), db -> new LinkedHashMap<>())
                    .computeIfAbsent(row.workload(), workload -> new LinkedHashMap<>()).put(row.checks(), row);
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no workload figures to chart");
        }
        BufferedImage image = new BufferedImage(2 * ChartPanel.WIDTH, HEADER_HEIGHT + data.size() * ChartPanel.HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        drawHeader(g, title, image.getWidth());
        int top = HEADER_HEIGHT;
        for (Map.Entry<String, Map<String, Map<String, WorkloadRow>>> db : data.entrySet()) {
            new ChartPanel(g, 0, top, db.getValue(), false)
                    .draw(db.getKey() + ": throughput (req/s, higher is better)");
            new ChartPanel(g, ChartPanel.WIDTH, top, db.getValue(), true)
                    .draw(db.getKey() + ": latency ms (bar p95, whisker p50 to p99, lower is better)");
            top += ChartPanel.HEIGHT;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    static Color color(String checks) {
        return checks.equals("off") ? CHECKS_OFF : CHECKS_ON;
    }

    private static void drawHeader(Graphics2D g, String title, int width) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int x = width - 260;
        for (String checks : List.of("on", "off")) {
            g.setColor(color(checks));
            g.fillRect(x, 44, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString("checks " + checks, x + 20, 56);
            x += 120;
        }
    }
}
