package health.continuum.medication;

import health.continuum.canonical.Coding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Checks a medication being written against the patient's other active medications: interactions, duplicate therapy, and
 * medications that cannot be identified and therefore cannot be checked.
 */
public final class InteractionChecker {

    static final String DUPLICATE_SOURCE = "Joint Commission NPSG.03.06.01 EP3 (duplications)";
    static final String UNIDENTIFIED_SOURCE = "Joint Commission NPSG.03.06.01 EP3 (unclear information)";

    // Duplicate therapy is a discrepancy to resolve rather than a listed high-priority interaction.
    private static final Severity DUPLICATE_SEVERITY = Severity.MODERATE;
    // An unidentified medication is reported for review; it is not itself a hazard.
    private static final Severity UNIDENTIFIED_SEVERITY = Severity.LOW;

    private final MedicationKnowledgeBase knowledgeBase;

    public InteractionChecker(MedicationKnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /** Findings in a stable order: the written medication first, then each active medication in the order given. */
    public List<Finding> check(MedicationInput written, List<MedicationInput> activeMedications) {
        return check(written, activeMedications, () -> PatientContext.UNKNOWN);
    }

    /**
     * As {@link #check(MedicationInput, List)}, with what contextual rules read about the patient; {@code patient} is
     * asked at most once, and only when such a rule applies.
     */
    public List<Finding> check(MedicationInput written, List<MedicationInput> activeMedications,
                               Supplier<PatientContext> patient) {
        IdentifiedMedication subject = knowledgeBase.identify(written);
        List<Finding> findings = new ArrayList<>();
        if (!subject.identified()) {
            findings.add(unidentified(subject));
        }
        // An update re-writes a medication that is already on the active list; it does not duplicate itself.
        List<IdentifiedMedication> others = activeMedications.stream()
                .filter(active -> !active.reference().equals(written.reference()))
                .map(knowledgeBase::identify)
                .toList();
        Pair.Context context = new Pair.Context(others, memoized(patient));
        for (IdentifiedMedication other : others) {
            if (!other.identified()) {
                findings.add(unidentified(other));
            }
            for (Ingredient mine : subject.ingredients()) {
                for (Ingredient theirs : other.ingredients()) {
                    findings.addAll(pairFindings(new Pair(subject, mine, other, theirs), context));
                }
            }
        }
        // One finding per key, so an active medication listed twice is not reported twice.
        Map<String, Finding> unique = new LinkedHashMap<>();
        findings.forEach(finding -> unique.putIfAbsent(finding.key(), finding));
        return List.copyOf(unique.values());
    }

    /** Two medications and one ingredient of each. */
    private record Pair(IdentifiedMedication subject, Ingredient mine, IdentifiedMedication other, Ingredient theirs) {
        /** What every pair of one check shares: the patient's other medications and, if asked, the patient. */
        record Context(List<IdentifiedMedication> concomitant, Supplier<PatientContext> patient) {}
    }

    private List<Finding> pairFindings(Pair pair, Pair.Context context) {
        Ingredient mine = pair.mine();
        Ingredient theirs = pair.theirs();
        String reference = pair.subject().medication().reference();
        String otherReference = pair.other().medication().reference();
        List<Finding> findings = new ArrayList<>();
        if (mine.rxcui().equals(theirs.rxcui())) {
            if (!replaces(pair)) {
                findings.add(new Finding(FindingType.DUPLICATE_THERAPY, DUPLICATE_SEVERITY, reference, otherReference,
                        List.of(mine.rxcui()), "duplicate-ingredient",
                        mine.name() + " in both " + reference + " and " + otherReference + ": duplicate therapy",
                        DUPLICATE_SOURCE));
            }
            return findings;
        }
        if (mine.atcClass().equals(theirs.atcClass())) {
            knowledgeBase.duplicateClass(mine.atcClass()).ifPresent(duplicateClass -> findings.add(new Finding(
                    FindingType.DUPLICATE_THERAPY, DUPLICATE_SEVERITY, reference, otherReference,
                    List.of(mine.rxcui(), theirs.rxcui()), "duplicate-class:" + duplicateClass.atcClass(),
                    mine.name() + " + " + theirs.name() + ": both " + duplicateClass.description()
                            + " (ATC " + duplicateClass.atcClass() + "), duplicate therapy",
                    duplicateClass.source())));
        }
        for (InteractionRule rule : knowledgeBase.interactionRules()) {
            if (rule.matches(mine, theirs)) {
                findings.add(interaction(rule, reference, otherReference, mine, theirs));
            } else if (rule.matches(theirs, mine)) {
                findings.add(interaction(rule, reference, otherReference, theirs, mine));
            }
        }
        knowledgeBase.warfarinNsaidRule().filter(rule -> rule.covers(mine, theirs)).ifPresent(rule -> findings.add(
                rule.evaluate(pair.subject(), mine, pair.other(), theirs, context.concomitant(), context.patient())));
        return findings;
    }

    /**
     * True when one medication is on the prior list and the other an encounter's order for the same ingredient that the
     * reconciliation calls "changed": the order replaces the prior one (a dose change), it does not duplicate it.
     */
    private static boolean replaces(Pair pair) {
        boolean subjectIsPrior = pair.subject().medication().kind() == MedicationInput.Kind.STATEMENT;
        IdentifiedMedication prior = subjectIsPrior ? pair.subject() : pair.other();
        IdentifiedMedication order = subjectIsPrior ? pair.other() : pair.subject();
        if (prior.medication().kind() != MedicationInput.Kind.STATEMENT || !order.medication().isEncounterOrder()) {
            return false;
        }
        return MedicationReconciliation.classify(entry(prior), entry(order)).flag() == ReconciliationFlag.CHANGED;
    }

    // Both are current medications: a stop order is not among them
    private static ReconciliationEntry entry(IdentifiedMedication medication) {
        return ReconciliationEntry.of(medication, medication.medication().dosage(), "active");
    }

    private static Supplier<PatientContext> memoized(Supplier<PatientContext> patient) {
        PatientContext[] read = new PatientContext[1];
        return () -> {
            if (read[0] == null) {
                read[0] = patient.get();
            }
            return read[0];
        };
    }

    private static Finding interaction(InteractionRule rule, String reference, String otherReference,
                                       Ingredient object, Ingredient precipitant) {
        return new Finding(FindingType.INTERACTION, rule.severity(), reference, otherReference,
                List.of(object.rxcui(), precipitant.rxcui()), rule.id(),
                object.name() + " + " + precipitant.name() + ": " + rule.reason() + ": \"" + rule.level().words() + "\" ("
                        + rule.id() + ")",
                rule.source());
    }

    private static Finding unidentified(IdentifiedMedication medication) {
        MedicationInput input = medication.medication();
        String label = Stream.concat(Stream.of(input.text()), input.codings().stream().map(Coding::display))
                .filter(text -> text != null && !text.isBlank()).findFirst().map(text -> " \"" + text.strip() + "\"").orElse("");
        return new Finding(FindingType.UNIDENTIFIED, UNIDENTIFIED_SEVERITY, input.reference(), null, List.of(),
                "unidentified",
                input.reference() + label + " cannot be checked: no known RxNorm ingredient or product code and no known"
                        + " ingredient name in its text or coding displays",
                UNIDENTIFIED_SOURCE);
    }
}
