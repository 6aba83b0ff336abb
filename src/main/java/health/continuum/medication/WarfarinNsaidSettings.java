package health.continuum.medication;

import health.continuum.data.CsvRow;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads warfarin-nsaid.csv into a {@link WarfarinNsaidRule}: every setting once, sides and levels as elsewhere. */
final class WarfarinNsaidSettings {

    private static final String RULE = "rule";
    private static final List<String> SIDES =
            List.of("warfarin", "nsaids", "gastroprotection", "corticosteroids", "aldosterone-antagonists");
    private static final Map<String, WarfarinNsaidRule.Branch> LEVELS = Map.of(
            "level-topical-diclofenac", WarfarinNsaidRule.Branch.TOPICAL_DICLOFENAC,
            "level-gastroprotection", WarfarinNsaidRule.Branch.GASTROPROTECTION,
            "level-risk-factor", WarfarinNsaidRule.Branch.RISK_FACTOR,
            "level-no-risk-factor", WarfarinNsaidRule.Branch.NO_RISK_FACTOR);
    private static final String AGE = "age-over";
    private static final String CONDITIONS = "ulcer-or-bleeding-icd10";
    private static final Pattern ICD_10_PREFIX = Pattern.compile("[A-Z]\\d\\d(\\.\\d+)?");

    private final KnowledgeBaseValidator validator;
    private final Map<String, CsvRow> bySetting = new HashMap<>();
    private boolean valid = true;

    private WarfarinNsaidSettings(KnowledgeBaseValidator validator) {
        this.validator = validator;
    }

    /** The rule, or empty when the file has no rows (the rule is off) or is invalid (its problems are recorded). */
    static Optional<WarfarinNsaidRule> read(List<CsvRow> rows, KnowledgeBaseValidator validator) {
        return rows.isEmpty() ? Optional.empty() : new WarfarinNsaidSettings(validator).rule(rows);
    }

    private Optional<WarfarinNsaidRule> rule(List<CsvRow> rows) {
        for (CsvRow row : rows) {
            String setting = row.get("setting");
            if (!RULE.equals(setting) && !SIDES.contains(setting) && !LEVELS.containsKey(setting)
                    && !AGE.equals(setting) && !CONDITIONS.equals(setting)) {
                valid = validator.problem(row, "unknown setting '" + setting + "'");
            } else if (validator.present(row, "source") & validator.firstDefinition(row, "setting " + setting)) {
                bySetting.put(setting, row);
            }
        }
        CsvRow first = rows.get(0);
        Optional<CsvRow> rule = required(RULE, first).filter(row -> validator.present(row, "value"));
        Map<String, Set<String>> sides = new HashMap<>();
        SIDES.forEach(side -> required(side, first).flatMap(row -> validator.side(row, "value"))
                .ifPresentOrElse(members -> sides.put(side, members), () -> valid = false));
        Map<WarfarinNsaidRule.Branch, SourceLevel> levels = new EnumMap<>(WarfarinNsaidRule.Branch.class);
        LEVELS.forEach((setting, branch) -> required(setting, first)
                .flatMap(row -> row.get("value").isEmpty() ? Optional.of(SourceLevel.NOT_STATED) : validator.level(row, "value"))
                .ifPresentOrElse(level -> levels.put(branch, level), () -> valid = false));
        Optional<Integer> ageOver = required(AGE, first).flatMap(this::age);
        Optional<List<String>> codes = required(CONDITIONS, first).flatMap(this::icd10Prefixes);
        if (!valid || rule.isEmpty() || ageOver.isEmpty() || codes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WarfarinNsaidRule(rule.get().get("value"), sides.get("warfarin"), sides.get("nsaids"),
                sides.get("gastroprotection"), sides.get("corticosteroids"), sides.get("aldosterone-antagonists"),
                ageOver.get(), codes.get(), levels, rule.get().get("source")));
    }

    // A missing setting is reported at the file's first line
    private Optional<CsvRow> required(String setting, CsvRow first) {
        CsvRow row = bySetting.get(setting);
        if (row == null) {
            valid = validator.problem(first, "missing setting '" + setting + "'");
        }
        return Optional.ofNullable(row);
    }

    private Optional<Integer> age(CsvRow row) {
        String value = row.get("value");
        if (value.matches("\\d{1,3}")) {
            return Optional.of(Integer.parseInt(value));
        }
        validator.problem(row, "bad age '" + value + "' (expected whole years)");
        return Optional.empty();
    }

    private Optional<List<String>> icd10Prefixes(CsvRow row) {
        List<String> codes = Arrays.stream(row.get("value").split(" ")).filter(code -> !code.isBlank()).toList();
        if (!codes.isEmpty() && codes.stream().allMatch(code -> ICD_10_PREFIX.matcher(code).matches())) {
            return Optional.of(codes);
        }
        validator.problem(row, "bad ICD-10 codes '" + row.get("value") + "' (expected e.g. K25 K26)");
        return Optional.empty();
    }
}
