package health.continuum.bench.report;

import java.util.List;

/** One measured row of a results table; its cells line up with the table's columns. */
public interface Row {

    /** The database of the pass, h2 or postgresql. */
    String db();

    /** The check setting of the pass: on, off or default. */
    String checks();

    /** The cells in column order: strings, whole numbers, or BigDecimals already rounded as reported; null is "–". */
    List<Object> cells();
}
