package health.continuum.assessment;

import java.time.Instant;

/** A stored result of an instrument: when, its total and band, and the Observation that holds it. */
public record ScreenResult(Instrument instrument, Instant date, int total, Instrument.Band band, String evidence) {}
