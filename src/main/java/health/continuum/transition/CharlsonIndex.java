package health.continuum.transition;

import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.Coding;
import health.continuum.data.CsvReader;
import health.continuum.data.CsvRow;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Charlson comorbidity index from ICD-10 and ICD-10-CM codes by the Quan 2005 coding algorithm (Med Care
 * 2005;43:1130-1139): code lists and weights in {@code transition/charlson-icd10.csv}, mutually exclusive pairs in
 * {@code transition/charlson-exclusive-pairs.csv}, each row with its source. Codes of other systems, SNOMED CT
 * included, are reported as not scored: this class maps nothing itself.
 */
public final class CharlsonIndex {

    /** The code systems the algorithm scores. */
    public static final Set<String> SCORED_SYSTEMS = Set.of(CodeSystems.ICD_10_CM, CodeSystems.ICD_10);

    private static final List<String> CONDITION_COLUMNS = List.of("condition", "charlson_weight",
            CharlsonWeights.CHARLSON_1987.column(), CharlsonWeights.QUAN_2011.column(), "icd10_prefixes", "source",
            "condition_key");

    private final List<Condition> conditions;
    private final Map<String, String> severeByMildKey;

    private CharlsonIndex(List<Condition> conditions, Map<String, String> severeByMildKey) {
        this.conditions = conditions;
        this.severeByMildKey = severeByMildKey;
    }

    /** Loads the Quan 2005 ICD-10 tables from the classpath. */
    public static CharlsonIndex quan2005() {
        List<Condition> conditions = CsvReader.readResource("transition/charlson-icd10.csv", CONDITION_COLUMNS).stream()
                .map(Condition::fromRow).toList();
        Map<String, String> severeByMildKey = CsvReader.readResource(
                        "transition/charlson-exclusive-pairs.csv", List.of("severe_key", "mild_key", "source")).stream()
                .collect(Collectors.toUnmodifiableMap(row -> row.get("mild_key"), row -> row.get("severe_key")));
        return new CharlsonIndex(conditions, severeByMildKey);
    }

    /** Scores with the Charlson 1987 weights, those of the index LACE was derived with. */
    public CharlsonResult score(Collection<Coding> codes) {
        return score(codes, CharlsonWeights.CHARLSON_1987);
    }

    public CharlsonResult score(Collection<Coding> codes, CharlsonWeights weights) {
        Map<Boolean, List<Coding>> byScorable = codes.stream().distinct()
                .collect(Collectors.partitioningBy(code -> SCORED_SYSTEMS.contains(code.system())));
        Map<Condition, List<Coding>> matches = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            List<Coding> matching = condition.matching(byScorable.get(true));
            if (!matching.isEmpty()) {
                matches.put(condition, matching);
            }
        }
        Set<String> present = matches.keySet().stream().map(Condition::key).collect(Collectors.toSet());
        List<CharlsonResult.MatchedCondition> matched = matches.entrySet().stream().map(entry -> {
            Condition condition = entry.getKey();
            String severe = severeByMildKey.get(condition.key());
            String supersededBy = present.contains(severe) ? severe : null;
            int points = supersededBy == null ? condition.weights().get(weights) : 0;
            return new CharlsonResult.MatchedCondition(
                    condition.key(), condition.name(), points, entry.getValue(), supersededBy);
        }).toList();
        int score = matched.stream().mapToInt(CharlsonResult.MatchedCondition::points).sum();
        return new CharlsonResult(score, weights, matched, byScorable.get(false));
    }

    private record Condition(String key, String name, Map<CharlsonWeights, Integer> weights, List<String> prefixes) {

        static Condition fromRow(CsvRow row) {
            Map<CharlsonWeights, Integer> weights = new EnumMap<>(CharlsonWeights.class);
            for (CharlsonWeights set : CharlsonWeights.values()) {
                weights.put(set, Integer.parseInt(row.get(set.column())));
            }
            return new Condition(row.get("condition_key"), row.get("condition"), weights,
                    Arrays.asList(row.get("icd10_prefixes").split(" ")));
        }

        // Quan 2005 matching (drug-and-comorbidity-data-notes.md section 2): drop the dot, upper-case, prefix match
        List<Coding> matching(List<Coding> codes) {
            return codes.stream().filter(code -> {
                String normalized = code.code().replace(".", "").trim().toUpperCase(Locale.ROOT);
                return prefixes.stream().anyMatch(normalized::startsWith);
            }).toList();
        }
    }
}
