package health.continuum.transition;

import health.continuum.canonical.Coding;
import java.util.List;

/**
 * A Charlson comorbidity index.
 *
 * @param conditions the Charlson conditions some code matched, in the order of the source table
 * @param notScored codes of systems other than ICD-10 and ICD-10-CM, which the algorithm cannot score
 */
public record CharlsonResult(
        int score, CharlsonWeights weights, List<MatchedCondition> conditions, List<Coding> notScored) {

    public CharlsonResult {
        conditions = List.copyOf(conditions);
        notScored = List.copyOf(notScored);
    }

    /**
     * One Charlson condition present.
     *
     * @param key the condition key of charlson-icd10.csv, e.g. {@code diabwc}
     * @param points what the condition adds to the score: its weight, or 0 when superseded
     * @param codes the input codes that matched it
     * @param supersededBy the key of the more severe condition of its mutually exclusive pair, when that one is present
     *     too; otherwise null
     */
    public record MatchedCondition(String key, String name, int points, List<Coding> codes, String supersededBy) {

        public MatchedCondition {
            codes = List.copyOf(codes);
        }
    }
}
