import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws bench/run.sh's workloads.csv as a PNG: per database, throughput (req/s) and latency (bar = p95,
 * whisker from p50 to p99) of every workload, checks on next to checks off. Plain java.awt, so it runs as
 * {@code java -Djava.awt.headless=true bench/Chart.java workloads.csv out.png "title"} with no dependencies.
 */
public class Chart {

    private static final Color CHECKS_ON = new Color(0x33, 0x66, 0xCC);
    private static final Color CHECKS_OFF = new Color(0xF0, 0x8C, 0x28);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final int PANEL_WIDTH = 700;
    private static final int PANEL_HEIGHT = 360;
    private static final int HEADER_HEIGHT = 70;
    private static final int MARGIN_LEFT = 70;
    private static final int MARGIN_RIGHT = 20;
    private static final int MARGIN_TOP = 40;
    private static final int MARGIN_BOTTOM = 50;

    /** One row of workloads.csv, reduced to what the chart shows. */
    record Measurement(double requestsPerSecond, double p50, double p95, double p99) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java -Djava.awt.headless=true bench/Chart.java WORKLOADS_CSV OUT_PNG TITLE");
            System.exit(2);
        }
        // db -> workload -> checks ("on"/"off") -> measurement, in the order the run produced them
        Map<String, Map<String, Map<String, Measurement>>> data = read(Path.of(args[0]));
        if (data.isEmpty()) {
            System.err.println("no measurements in " + args[0]);
            System.exit(1);
        }
        BufferedImage image = new BufferedImage(
                2 * PANEL_WIDTH, HEADER_HEIGHT + data.size() * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        drawHeader(g, args[2], image.getWidth());
        int row = 0;
        for (Map.Entry<String, Map<String, Map<String, Measurement>>> db : data.entrySet()) {
            int top = HEADER_HEIGHT + row++ * PANEL_HEIGHT;
            drawPanel(g, 0, top, db.getKey() + ": throughput (req/s, higher is better)", db.getValue(), false);
            drawPanel(g, PANEL_WIDTH, top,
                    db.getKey() + ": latency ms (bar p95, whisker p50 to p99, lower is better)", db.getValue(), true);
        }
        g.dispose();
        ImageIO.write(image, "png", Path.of(args[1]).toFile());
    }

    private static Map<String, Map<String, Map<String, Measurement>>> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, Map<String, Map<String, Measurement>>> data = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            Measurement m = new Measurement(
                    number(cells, header, "req_per_s"), number(cells, header, "p50_ms"),
                    number(cells, header, "p95_ms"), number(cells, header, "p99_ms"));
            data.computeIfAbsent(cells[header.indexOf("db")], k -> new LinkedHashMap<>())
                    .computeIfAbsent(cells[header.indexOf("workload")], k -> new LinkedHashMap<>())
                    .put(cells[header.indexOf("checks")], m);
        }
        return data;
    }

    private static double number(String[] cells, List<String> header, String column) {
        return Double.parseDouble(cells[header.indexOf(column)]);
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

    private static void drawPanel(Graphics2D g, int left, int top, String title,
            Map<String, Map<String, Measurement>> workloads, boolean latency) {
        int plotLeft = left + MARGIN_LEFT;
        int plotRight = left + PANEL_WIDTH - MARGIN_RIGHT;
        int plotTop = top + MARGIN_TOP;
        int plotBottom = top + PANEL_HEIGHT - MARGIN_BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, plotLeft, top + 22);

        double max = 0;
        for (Map<String, Measurement> byChecks : workloads.values()) {
            for (Measurement m : byChecks.values()) {
                max = Math.max(max, latency ? m.p99() : m.requestsPerSecond());
            }
        }
        double axisMax = niceCeiling(max);
        drawAxis(g, plotLeft, plotRight, plotTop, plotBottom, axisMax);

        Set<String> checksOrder = new LinkedHashSet<>(List.of("on", "off"));
        workloads.values().forEach(byChecks -> checksOrder.addAll(byChecks.keySet()));
        List<String> names = new ArrayList<>(workloads.keySet());
        double groupWidth = (double) (plotRight - plotLeft) / names.size();
        int barWidth = (int) Math.min(40, groupWidth * 0.8 / checksOrder.size());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        // Long workload names would run into each other: then every other name goes one line lower.
        boolean stagger = names.stream().anyMatch(name -> metrics.stringWidth(name) > groupWidth - 6);
        for (int i = 0; i < names.size(); i++) {
            int groupLeft = plotLeft + (int) (i * groupWidth);
            int barsLeft = groupLeft + (int) (groupWidth - barWidth * checksOrder.size()) / 2;
            int slot = 0;
            for (String checks : checksOrder) {
                Measurement m = workloads.get(names.get(i)).get(checks);
                int x = barsLeft + slot++ * barWidth;
                if (m == null) {
                    continue;
                }
                double value = latency ? m.p95() : m.requestsPerSecond();
                int y = yFor(value, axisMax, plotTop, plotBottom);
                g.setColor(color(checks));
                g.fillRect(x + 1, y, barWidth - 2, plotBottom - y);
                if (latency) {
                    int center = x + barWidth / 2;
                    int y50 = yFor(m.p50(), axisMax, plotTop, plotBottom);
                    int y99 = yFor(m.p99(), axisMax, plotTop, plotBottom);
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(1.5f));
                    g.drawLine(center, y50, center, y99);
                    g.drawLine(center - 4, y50, center + 4, y50);
                    g.drawLine(center - 4, y99, center + 4, y99);
                    y = Math.min(y, y99);
                }
                g.setColor(Color.BLACK);
                String label = format(value);
                g.drawString(label, x + (barWidth - metrics.stringWidth(label)) / 2, y - 3);
            }
            String name = names.get(i);
            g.setColor(Color.BLACK);
            int labelY = plotBottom + 16 + (stagger && i % 2 == 1 ? 14 : 0);
            g.drawString(name, groupLeft + (int) (groupWidth - metrics.stringWidth(name)) / 2, labelY);
        }
    }

    private static void drawAxis(Graphics2D g, int plotLeft, int plotRight, int plotTop, int plotBottom,
            double axisMax) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        int ticks = 5;
        for (int t = 0; t <= ticks; t++) {
            double value = axisMax * t / ticks;
            int y = yFor(value, axisMax, plotTop, plotBottom);
            g.setColor(GRID);
            g.drawLine(plotLeft, y, plotRight, y);
            g.setColor(Color.DARK_GRAY);
            String label = format(value);
            g.drawString(label, plotLeft - 6 - metrics.stringWidth(label), y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(plotLeft, plotTop, plotLeft, plotBottom);
        g.drawLine(plotLeft, plotBottom, plotRight, plotBottom);
    }

    private static int yFor(double value, double axisMax, int plotTop, int plotBottom) {
        return plotBottom - (int) Math.round(value / axisMax * (plotBottom - plotTop));
    }

    /** Smallest 1, 2, 2.5 or 5 times a power of ten at or above the value, so axis ticks are round numbers. */
    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String format(double value) {
        boolean whole = value >= 100 || value == Math.rint(value);
        return String.format(Locale.ROOT, whole ? "%.0f" : "%.1f", value);
    }

    private static Color color(String checks) {
        return checks.equals("off") ? CHECKS_OFF : CHECKS_ON;
    }
}
