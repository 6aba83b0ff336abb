package health.continuum.assessment;

import health.continuum.assessment.Instrument.Band;
import health.continuum.assessment.Instrument.Item;
import java.util.List;

/** A scored response: the total, its band, and each item's answer and score. */
public record ScreenScore(Instrument instrument, int total, Band band, List<ItemScore> items) {

    /** An item's answer code and the score it is worth. */
    public record ItemScore(Item item, String system, String answerCode, int score) {}

    public ScreenScore {
        items = List.copyOf(items);
    }

    public boolean positive() {
        return band.positive();
    }
}
