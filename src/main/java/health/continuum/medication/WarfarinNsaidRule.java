package health.continuum.medication;

import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.Coding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The individualized warfarin + NSAID rule (Malone, Horn, Hansten, AHRQ R21-HS023826) as the HL7 PDDI-CDS implementation
 * guide publishes it (use-cases.md): the level depends on the NSAID's route, concomitant gastroprotection and the
 * patient's bleeding risk factors. Its id, members, thresholds, levels and citation come from warfarin-nsaid.csv.
 *
 * @param ageOver an age above which the patient has a risk factor
 * @param ulcerOrBleedingCodes ICD-10 code prefixes of a history of upper-GI bleeding or peptic ulcer
 */
public record WarfarinNsaidRule(String id, Set<String> warfarin, Set<String> nsaids, Set<String> gastroprotection,
                                Set<String> corticosteroids, Set<String> aldosteroneAntagonists, int ageOver,
                                List<String> ulcerOrBleedingCodes, Map<Branch, SourceLevel> levels, String source) {

    /** The branches of the guide's decision, in the order it takes them. */
    public enum Branch {
        TOPICAL_DICLOFENAC("topical diclofenac"),
        GASTROPROTECTION("systemic NSAID with a concomitant proton pump inhibitor or misoprostol"),
        RISK_FACTOR("systemic NSAID without gastroprotection, with a bleeding risk factor"),
        NO_RISK_FACTOR("systemic NSAID without gastroprotection and without the risk factors the guide names");

        private final String description;

        Branch(String description) {
            this.description = description;
        }
    }

    // Routes written as text or coding display that put an NSAID on the skin rather than in the body
    private static final List<String> TOPICAL_ROUTE_WORDS = List.of("topical", "cutaneous", "transdermal");

    public WarfarinNsaidRule {
        warfarin = Set.copyOf(warfarin);
        nsaids = Set.copyOf(nsaids);
        gastroprotection = Set.copyOf(gastroprotection);
        corticosteroids = Set.copyOf(corticosteroids);
        aldosteroneAntagonists = Set.copyOf(aldosteroneAntagonists);
        ulcerOrBleedingCodes = List.copyOf(ulcerOrBleedingCodes);
        levels = Map.copyOf(levels);
    }

    /** True when the two ingredients are warfarin and an NSAID, either way round. */
    public boolean covers(Ingredient one, Ingredient other) {
        return (warfarin.contains(one.rxcui()) && nsaids.contains(other.rxcui()))
                || (warfarin.contains(other.rxcui()) && nsaids.contains(one.rxcui()));
    }

    /**
     * The finding for a written medication and another active one that {@link #covers} the pair of ingredients.
     *
     * @param concomitant every other active medication of the patient, identified
     * @param patient read only when the route and medications leave the level open
     */
    public Finding evaluate(IdentifiedMedication written, Ingredient mine, IdentifiedMedication other, Ingredient theirs,
                            List<IdentifiedMedication> concomitant, Supplier<PatientContext> patient) {
        boolean writtenIsNsaid = nsaids.contains(mine.rxcui());
        IdentifiedMedication nsaidMedication = writtenIsNsaid ? written : other;
        Ingredient nsaid = writtenIsNsaid ? mine : theirs;
        Ingredient anticoagulant = writtenIsNsaid ? theirs : mine;
        String pair = anticoagulant.name() + " + " + nsaid.name();
        List<IdentifiedMedication> alongside = concomitant.stream()
                .filter(medication -> medication != written && medication != other).toList();

        if (isTopical(nsaidMedication)) {
            if ("diclofenac".equalsIgnoreCase(nsaid.name())) {
                return finding(written, other, anticoagulant, nsaid, Branch.TOPICAL_DICLOFENAC, pair, "");
            }
            SourceLevel diclofenac = levels.get(Branch.TOPICAL_DICLOFENAC);
            return finding(written, other, anticoagulant, nsaid, SourceLevel.NOT_STATED, pair + ": topical "
                    + nsaid.name() + "; the guide states a level for topical diclofenac only (\"" + diclofenac.words()
                    + "\"), none for topical " + nsaid.name() + ": review");
        }
        List<String> protection = namesIn(alongside, gastroprotection);
        if (!protection.isEmpty()) {
            return finding(written, other, anticoagulant, nsaid, Branch.GASTROPROTECTION, pair,
                    " (" + String.join(", ", protection) + ")");
        }
        PatientContext context = patient.get();
        List<String> riskFactors = riskFactors(context, alongside, nsaid);
        if (!riskFactors.isEmpty()) {
            return finding(written, other, anticoagulant, nsaid, Branch.RISK_FACTOR, pair,
                    ": " + String.join("; ", riskFactors));
        }
        String checked = (context.ageInYears() == null ? "age unknown" : "age " + context.ageInYears())
                + ", no recorded upper-GI bleeding or peptic ulcer, no systemic corticosteroid, aldosterone antagonist"
                + " or second NSAID; high NSAID dose not assessed";
        return finding(written, other, anticoagulant, nsaid, Branch.NO_RISK_FACTOR, pair, " (" + checked + ")");
    }

    private List<String> riskFactors(PatientContext context, List<IdentifiedMedication> alongside, Ingredient nsaid) {
        List<String> factors = new ArrayList<>();
        context.conditions().stream()
                .filter(code -> (code.isCodeOf(CodeSystems.ICD_10_CM) || code.isCodeOf(CodeSystems.ICD_10))
                        && ulcerOrBleedingCodes.stream().anyMatch(prefix -> code.code().strip().startsWith(prefix)))
                .findFirst()
                .ifPresent(code -> factors.add("history of upper-GI bleeding or peptic ulcer (ICD-10 " + code.code() + ")"));
        if (context.ageInYears() != null && context.ageInYears() > ageOver) {
            factors.add("age " + context.ageInYears() + " > " + ageOver);
        }
        List<String> steroids = namesIn(alongside, corticosteroids);
        if (!steroids.isEmpty()) {
            factors.add("systemic corticosteroid (" + String.join(", ", steroids) + ")");
        }
        List<String> antagonists = namesIn(alongside, aldosteroneAntagonists);
        if (!antagonists.isEmpty()) {
            factors.add("aldosterone antagonist (" + String.join(", ", antagonists) + ")");
        }
        List<String> otherNsaids = namesIn(alongside, nsaids);
        if (!otherNsaids.isEmpty()) {
            factors.add("multiple NSAIDs (" + nsaid.name() + ", " + String.join(", ", otherNsaids) + ")");
        }
        return factors;
    }

    private Finding finding(IdentifiedMedication written, IdentifiedMedication other, Ingredient anticoagulant,
                            Ingredient nsaid, Branch branch, String pair, String why) {
        SourceLevel level = levels.get(branch);
        String verdict = level.stated() ? "\"" + level.words() + "\"" : "the guide's text states no level for this branch: review";
        return finding(written, other, anticoagulant, nsaid, level, pair + ": " + branch.description + why + ": " + verdict);
    }

    private Finding finding(IdentifiedMedication written, IdentifiedMedication other, Ingredient anticoagulant,
                            Ingredient nsaid, SourceLevel level, String detail) {
        return new Finding(FindingType.INTERACTION, level.severity(), written.medication().reference(),
                other.medication().reference(), List.of(anticoagulant.rxcui(), nsaid.rxcui()), id,
                detail + " (" + id + ")", source);
    }

    private static boolean isTopical(IdentifiedMedication medication) {
        String route = medication.medication().dosage().route();
        return route != null && TOPICAL_ROUTE_WORDS.stream()
                .anyMatch(word -> route.toLowerCase(Locale.ROOT).contains(word));
    }

    private static List<String> namesIn(List<IdentifiedMedication> medications, Set<String> members) {
        return medications.stream().flatMap(medication -> medication.ingredients().stream())
                .filter(ingredient -> members.contains(ingredient.rxcui()))
                .map(Ingredient::name).distinct().toList();
    }
}
