package health.continuum.medication;

import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.Coding;
import health.continuum.medication.IdentifiedMedication.IdentifiedBy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ingredients, products, interaction rules, duplicate-therapy classes and the contextual warfarin + NSAID rule, validated at
 * load. Immutable and thread-safe: load it once and share it.
 */
public final class MedicationKnowledgeBase {

    private record NamedTerm(String term, Ingredient ingredient) {
    }

    private final Map<String, Ingredient> ingredients;
    private final Map<String, Product> products;
    private final List<InteractionRule> interactionRules;
    private final Map<String, DuplicateClass> duplicateClasses;
    private final List<NamedTerm> terms;
    private final WarfarinNsaidRule warfarinNsaidRule;

    MedicationKnowledgeBase(Map<String, Ingredient> ingredients, Map<String, Product> products,
                            List<InteractionRule> interactionRules, Map<String, DuplicateClass> duplicateClasses,
                            WarfarinNsaidRule warfarinNsaidRule) {
        this.warfarinNsaidRule = warfarinNsaidRule;
        this.ingredients = Map.copyOf(ingredients);
        this.products = Map.copyOf(products);
        this.interactionRules = List.copyOf(interactionRules);
        this.duplicateClasses = Map.copyOf(duplicateClasses);
        List<NamedTerm> namedTerms = new ArrayList<>();
        for (Ingredient ingredient : ingredients.values()) {
            Stream.concat(Stream.of(ingredient.name()), ingredient.synonyms().stream())
                    .forEach(term -> namedTerms.add(new NamedTerm(normalize(term), ingredient)));
        }
        this.terms = List.copyOf(namedTerms);
    }

    /** The built-in knowledge base from the classpath files under medication/. */
    public static MedicationKnowledgeBase loadDefault() {
        return loader().load();
    }

    /** A loader starting from the built-in files, to replace or extend any of them with files on disk. */
    public static KnowledgeBaseLoader loader() {
        return new KnowledgeBaseLoader();
    }

    public Collection<Ingredient> ingredients() {
        return ingredients.values();
    }

    public Optional<Ingredient> ingredient(String rxcui) {
        return Optional.ofNullable(ingredients.get(rxcui));
    }

    public Optional<Product> product(String rxcui) {
        return Optional.ofNullable(products.get(rxcui));
    }

    public List<InteractionRule> interactionRules() {
        return interactionRules;
    }

    /** The contextual warfarin + NSAID rule; empty when a site's warfarin-nsaid.csv turns it off. */
    public Optional<WarfarinNsaidRule> warfarinNsaidRule() {
        return Optional.ofNullable(warfarinNsaidRule);
    }

    public Optional<DuplicateClass> duplicateClass(String atcClass) {
        return Optional.ofNullable(duplicateClasses.get(atcClass));
    }

    /**
     * Finds the ingredients of a medication: from its RxNorm ingredient or product codings when any is known, otherwise from
     * ingredient names (or synonyms) written as whole words in its text or coding displays.
     */
    public IdentifiedMedication identify(MedicationInput medication) {
        Set<Ingredient> coded = new LinkedHashSet<>();
        for (Coding coding : medication.codings()) {
            if (coding.isCodeOf(CodeSystems.RXNORM)) {
                coded.addAll(ingredientsOfCode(coding.code().strip()));
            }
        }
        if (!coded.isEmpty()) {
            return new IdentifiedMedication(medication, List.copyOf(coded), IdentifiedBy.RXNORM_CODE);
        }
        List<String> texts = Stream.concat(Stream.of(medication.text()), medication.codings().stream().map(Coding::display))
                .filter(text -> text != null && !text.isBlank()).map(MedicationKnowledgeBase::normalize).toList();
        Set<Ingredient> named = new LinkedHashSet<>();
        for (NamedTerm term : terms) {
            if (texts.stream().anyMatch(text -> containsWord(text, term.term()))) {
                named.add(term.ingredient());
            }
        }
        return new IdentifiedMedication(medication, List.copyOf(named), named.isEmpty() ? IdentifiedBy.NONE : IdentifiedBy.NAME);
    }

    private List<Ingredient> ingredientsOfCode(String code) {
        if (ingredients.containsKey(code)) {
            return List.of(ingredients.get(code));
        }
        Product product = products.get(code);
        return product == null ? List.of() : product.ingredientRxcuis().stream().map(ingredients::get).toList();
    }

    /** Lower case, straight apostrophes and single spaces, so that names match however they were typed. */
    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ").strip();
    }

    /** True when {@code word} occurs in {@code text} with no letter or digit right before or after it. */
    static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }
}
