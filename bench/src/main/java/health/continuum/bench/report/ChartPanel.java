package health.continuum.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One panel of the chart: a bar per workload and check setting, on a round-numbered axis. */
final class ChartPanel {

    static final int WIDTH = 700;
    static final int HEIGHT = 360;
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final int TICKS = 5;

    private final Graphics2D g;
    private final int top;
    private final int plotLeft;
    private final int plotRight;
    private final int plotTop;
    private final int plotBottom;
    private final Map<String, Map<String, WorkloadRow>> workloads;
    private final boolean latency;
    private double axisMax;

    ChartPanel(Graphics2D g, int left, int top, Map<String, Map<String, WorkloadRow>> workloads, boolean latency) {
        this.g = g;
        this.top = top;
        this.plotLeft = left + 70;
        this.plotRight = left + WIDTH - 20;
        this.plotTop = top + 40;
        this.plotBottom = top + HEIGHT - 50;
        this.workloads = workloads;
        this.latency = latency;
    }

    void draw(String title) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, plotLeft, top + 22);
        double max = workloads.values().stream().flatMap(byChecks -> byChecks.values().stream())
                .mapToDouble(row -> latency ? row.p99Ms().doubleValue() : row.reqPerS().doubleValue()).max().orElse(0);
        axisMax = niceCeiling(max);
        drawAxis();
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
                WorkloadRow row = workloads.get(names.get(i)).get(checks);
                if (row != null) {
                    drawBar(row, checks, barsLeft + slot * barWidth, barWidth, metrics);
                }
                slot++;
            }
            String name = names.get(i);
            g.setColor(Color.BLACK);
            int labelY = plotBottom + 16 + (stagger && i % 2 == 1 ? 14 : 0);
            g.drawString(name, groupLeft + (int) (groupWidth - metrics.stringWidth(name)) / 2, labelY);
        }
    }

    private void drawBar(WorkloadRow row, String checks, int x, int barWidth, FontMetrics metrics) {
        double value = latency ? row.p95Ms().doubleValue() : row.reqPerS().doubleValue();
        int y = yFor(value);
        g.setColor(Chart.color(checks));
        g.fillRect(x + 1, y, barWidth - 2, plotBottom - y);
        if (latency) {
            int center = x + barWidth / 2;
            int y50 = yFor(row.p50Ms().doubleValue());
            int y99 = yFor(row.p99Ms().doubleValue());
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

    private void drawAxis() {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        for (int t = 0; t <= TICKS; t++) {
            double value = axisMax * t / TICKS;
            int y = yFor(value);
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

    private int yFor(double value) {
        return plotBottom - (int) Math.round(value / axisMax * (plotBottom - plotTop));
    }

    /** Smallest 1, 2, 2.5 or 5 times a power of ten at or above the value, so axis ticks are round numbers. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5}) {
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
}
