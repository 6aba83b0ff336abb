package health.continuum.medication;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One result of a medication check.
 *
 * @param severity         null where the rule's source states no level for the branch that applied
 * @param reference        the medication the finding is about (for pairs: the medication being written)
 * @param otherReference   the other medication of the pair; null for {@link FindingType#UNIDENTIFIED}
 * @param ingredientRxcuis the ingredients involved, sorted; empty for {@link FindingType#UNIDENTIFIED}
 * @param ruleId           the interaction rule id, "duplicate-ingredient", "duplicate-class:ATC" or "unidentified"
 * @param detail           readable text naming both drugs and why
 * @param source           citation for the rule
 */
public record Finding(FindingType type, Severity severity, String reference, String otherReference,
                      List<String> ingredientRxcuis, String ruleId, String detail, String source) {

    public Finding {
        ingredientRxcuis = ingredientRxcuis.stream().sorted().toList();
    }

    /** Same value whichever of the pair was written, so the caller can store each finding once. */
    public String key() {
        Stream<String> references = Stream.of(reference, otherReference).filter(r -> r != null).sorted();
        return Stream.of(Stream.of(type.name(), ruleId), references, ingredientRxcuis.stream())
                .flatMap(part -> part).collect(Collectors.joining("|"));
    }
}
