package health.continuum.medication;

import health.continuum.data.CsvRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validates every line of the knowledge base files, given in dependency order, and builds the knowledge base from the
 * valid ones; each problem is added to the list it shares with the reading of the files. Checks are joined with the
 * non-short-circuit {@code &} so that every problem of a line is reported at once.
 */
final class KnowledgeBaseValidator {

    private static final Pattern RXCUI = Pattern.compile("\\d+");
    private static final Pattern ATC_CLASS = Pattern.compile("[A-Z]\\d\\d[A-Z]{2}");
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final List<String> problems;
    private final Map<String, String> definedAt = new HashMap<>();
    private final Map<String, Ingredient> ingredients = new LinkedHashMap<>();
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, Set<String>> groups = new LinkedHashMap<>();
    private final List<InteractionRule> rules = new ArrayList<>();
    private final Map<String, DuplicateClass> duplicateClasses = new LinkedHashMap<>();
    private final Map<String, SourceLevel> levels = new HashMap<>();
    private WarfarinNsaidRule warfarinNsaidRule;

    KnowledgeBaseValidator(List<String> problems) {
        this.problems = problems;
    }

    /** Validates the rows of one file; the files it refers to (see {@link KnowledgeBaseFile}) must be added before. */
    void add(KnowledgeBaseFile file, List<CsvRow> rows) {
        switch (file) {
            case INGREDIENTS -> rows.forEach(this::addIngredient);
            case PRODUCTS -> rows.forEach(this::addProduct);
            case GROUPS -> rows.forEach(this::addGroupMember);
            case SEVERITY_LEVELS -> rows.forEach(this::addLevel);
            case INTERACTIONS -> rows.forEach(this::addRule);
            case DUPLICATE_CLASSES -> rows.forEach(this::addDuplicateClass);
            case WARFARIN_NSAID -> warfarinNsaidRule = WarfarinNsaidSettings.read(rows, this).orElse(null);
        }
    }

    /** The knowledge base of the valid lines: complete only when no problem was found. */
    MedicationKnowledgeBase knowledgeBase() {
        return new MedicationKnowledgeBase(ingredients, products, rules, duplicateClasses, warfarinNsaidRule);
    }

    private void addIngredient(CsvRow row) {
        String rxcui = row.get("rxcui");
        if (!(validRxcui(row, "rxcui") & present(row, "name") & validAtcClass(row, "atc_class"))
                || !firstDefinition(row, "ingredient RXCUI " + rxcui)) {
            return;
        }
        List<String> synonyms = list(row.get("synonyms"), ";");
        Stream.concat(Stream.of(row.get("name")), synonyms.stream())
                .forEach(term -> firstDefinition(row, "ingredient name '" + MedicationKnowledgeBase.normalize(term) + "'"));
        ingredients.put(rxcui, new Ingredient(rxcui, row.get("name"), row.get("atc_class"), synonyms));
    }

    private void addProduct(CsvRow row) {
        String rxcui = row.get("product_rxcui");
        List<String> ingredientRxcuis = list(row.get("ingredient_rxcuis"), " ");
        boolean valid = validRxcui(row, "product_rxcui") & present(row, "name") & present(row, "ingredient_rxcuis")
                & present(row, "source");
        if (ingredients.containsKey(rxcui)) {
            valid = problem(row, "product RXCUI " + rxcui + " is already an ingredient");
        }
        for (String ingredient : ingredientRxcuis) {
            if (!ingredients.containsKey(ingredient)) {
                valid = problem(row, "unknown ingredient RXCUI " + ingredient + " in ingredient_rxcuis");
            }
        }
        if (valid && firstDefinition(row, "product RXCUI " + rxcui)) {
            products.put(rxcui, new Product(rxcui, row.get("name"), ingredientRxcuis, row.get("source")));
        }
    }

    private void addGroupMember(CsvRow row) {
        String group = row.get("group");
        String rxcui = row.get("rxcui");
        boolean valid = present(row, "source");
        if (!GROUP.matcher(group).matches()) {
            valid = problem(row, "bad group name '" + group + "' (expected lower-case letters, digits and '-')");
        }
        Ingredient ingredient = ingredients.get(rxcui);
        if (ingredient == null) {
            valid = problem(row, "unknown ingredient RXCUI " + rxcui + " in rxcui");
        } else if (!ingredient.name().equalsIgnoreCase(row.get("ingredient"))) {
            valid = problem(row, "RXCUI " + rxcui + " is " + ingredient.name() + ", not '" + row.get("ingredient") + "'");
        }
        if (valid && firstDefinition(row, "member " + rxcui + " of group " + group)) {
            groups.computeIfAbsent(group, name -> new LinkedHashSet<>()).add(rxcui);
        }
    }

    private void addLevel(CsvRow row) {
        String level = row.get("level");
        Optional<Severity> severity = Severity.fromCode(row.get("severity"));
        boolean valid = present(row, "level") & present(row, "source");
        if (severity.isEmpty()) {
            valid = problem(row, "bad severity '" + row.get("severity") + "' (expected high, moderate or low)");
        }
        if (valid && firstDefinition(row, "level '" + level + "'")) {
            levels.put(level, new SourceLevel(level, severity.get()));
        }
    }

    private void addRule(CsvRow row) {
        String id = row.get("id");
        Optional<Set<String>> objectRxcuis = side(row, "side_a");
        Optional<Set<String>> precipitantRxcuis = side(row, "side_b");
        Optional<SourceLevel> level = level(row, "level");
        boolean valid = present(row, "id") & present(row, "reason") & present(row, "source")
                & objectRxcuis.isPresent() & precipitantRxcuis.isPresent() & level.isPresent();
        if (valid && firstDefinition(row, "interaction id " + id)) {
            rules.add(new InteractionRule(id, row.get("side_a"), row.get("side_b"), objectRxcuis.get(),
                    precipitantRxcuis.get(), level.get(), row.get("reason"), row.get("source")));
        }
    }

    /** A level of severity-levels.csv, named in the given column. */
    Optional<SourceLevel> level(CsvRow row, String column) {
        SourceLevel level = levels.get(row.get(column));
        if (level == null) {
            problem(row, "unknown level '" + row.get(column) + "' in " + column + " (not in severity-levels.csv)");
        }
        return Optional.ofNullable(level);
    }

    private void addDuplicateClass(CsvRow row) {
        String atcClass = row.get("atc_class");
        if (validAtcClass(row, "atc_class") & present(row, "description") & present(row, "source")
                && hasIngredients(row, atcClass, "atc_class")
                && firstDefinition(row, "duplicate-therapy class " + atcClass)) {
            duplicateClasses.put(atcClass, new DuplicateClass(atcClass, row.get("description"), row.get("source")));
        }
    }

    /** Resolves a rule side (ingredient RXCUI, ATC class or group) to the ingredient RXCUIs it covers. */
    Optional<Set<String>> side(CsvRow row, String column) {
        String side = row.get(column);
        if (!present(row, column)) {
            return Optional.empty();
        }
        if (RXCUI.matcher(side).matches()) {
            if (ingredients.containsKey(side)) {
                return Optional.of(Set.of(side));
            }
            problem(row, "unknown ingredient RXCUI " + side + " in " + column);
        } else if (ATC_CLASS.matcher(side).matches()) {
            if (hasIngredients(row, side, column)) {
                return Optional.of(ingredientsOfClass(side));
            }
        } else if (groups.containsKey(side)) {
            return Optional.of(Set.copyOf(groups.get(side)));
        } else {
            problem(row, "unknown group '" + side + "' in " + column);
        }
        return Optional.empty();
    }

    private Set<String> ingredientsOfClass(String atcClass) {
        return ingredients.values().stream().filter(ingredient -> ingredient.atcClass().equals(atcClass))
                .map(Ingredient::rxcui).collect(Collectors.toUnmodifiableSet());
    }

    private boolean hasIngredients(CsvRow row, String atcClass, String column) {
        return !ingredientsOfClass(atcClass).isEmpty()
                || problem(row, "no ingredient has ATC class " + atcClass + " in " + column);
    }

    private boolean validRxcui(CsvRow row, String column) {
        return RXCUI.matcher(row.get(column)).matches()
                || problem(row, "bad RXCUI '" + row.get(column) + "' in " + column + " (expected digits)");
    }

    private boolean validAtcClass(CsvRow row, String column) {
        return ATC_CLASS.matcher(row.get(column)).matches()
                || problem(row, "bad ATC class '" + row.get(column) + "' in " + column + " (expected level 4, e.g. C10AA)");
    }

    boolean present(CsvRow row, String column) {
        return !row.get(column).isEmpty() || problem(row, "empty " + column);
    }

    boolean firstDefinition(CsvRow row, String what) {
        String earlier = definedAt.putIfAbsent(what, row.location());
        return earlier == null || problem(row, what + " is defined twice (first at " + earlier + ")");
    }

    /** Records a problem; returns false so that checks read as "valid or problem(...)". */
    boolean problem(CsvRow row, String message) {
        problems.add(row.location() + ": " + message);
        return false;
    }

    private static List<String> list(String value, String separator) {
        return Arrays.stream(value.split(Pattern.quote(separator))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
