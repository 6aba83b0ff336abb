package health.continuum.assessment.glue;

import health.continuum.assessment.Domain;
import health.continuum.assessment.Instrument;
import health.continuum.assessment.Instrument.Band;
import health.continuum.assessment.Instrument.Item;
import health.continuum.conformance.glue.ConformancePackage;
import health.continuum.data.CsvReader;
import health.continuum.data.CsvRow;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

/**
 * The instruments the server scores: the conformance package's Questionnaires whose answers carry their published
 * scores (the ordinalValue extension), with their score bands from {@code assessment/score-bands.csv} and their
 * assessment domain from {@code assessment/instrument-domains.csv}.
 */
public final class Instruments {

    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private static final String BANDS_FILE = "assessment/score-bands.csv";
    private static final List<String> BAND_COLUMNS = List.of("instrument", "min", "max", "band", "positive", "source");
    private static final String DOMAINS_FILE = "assessment/instrument-domains.csv";
    private static final List<String> DOMAIN_COLUMNS = List.of("instrument", "domain", "source");

    private final Map<String, Instrument> byUrl;

    private Instruments(Map<String, Instrument> byUrl) {
        this.byUrl = byUrl;
    }

    /**
     * @throws IllegalStateException when a scored Questionnaire has no bands, or its bands do not cover its totals
     */
    public static Instruments of(ConformancePackage conformancePackage) {
        Map<String, List<Band>> bands = CsvReader.readResource(BANDS_FILE, BAND_COLUMNS).stream()
                .collect(Collectors.groupingBy(row -> row.get("instrument"), LinkedHashMap::new,
                        Collectors.mapping(Instruments::band, Collectors.toList())));
        Map<String, Domain> domains = CsvReader.readResource(DOMAINS_FILE, DOMAIN_COLUMNS).stream()
                .collect(Collectors.toMap(row -> row.get("instrument"), row -> Domain.ofCode(row.get("domain"))));
        Map<String, Instrument> byUrl = new LinkedHashMap<>();
        for (Questionnaire questionnaire : conformancePackage.questionnaires()) {
            List<Item> items = questionnaire.getItem().stream().filter(Instruments::isScored)
                    .map(Instruments::item).toList();
            if (items.isEmpty()) {
                continue;
            }
            String id = questionnaire.getIdElement().getIdPart();
            if (!bands.containsKey(id) || !domains.containsKey(id)) {
                throw new IllegalStateException(("classpath:%s and %s: the scored Questionnaire %s needs bands and"
                        + " a domain").formatted(BANDS_FILE, DOMAINS_FILE, id));
            }
            try {
                byUrl.put(questionnaire.getUrl(), new Instrument(id, questionnaire.getUrl(), questionnaire.getTitle(),
                        domains.get(id), totalCode(questionnaire), items,
                        linkIdsOf(questionnaire, QuestionnaireItemType.DISPLAY),
                        bands.get(id)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("classpath:" + BANDS_FILE + ": " + e.getMessage(), e);
            }
        }
        return new Instruments(byUrl);
    }

    /** The instrument a response names in {@code questionnaire} (a canonical URL, with or without |version). */
    public Optional<Instrument> forQuestionnaire(String canonical) {
        return canonical == null ? Optional.empty()
                : Optional.ofNullable(byUrl.get(canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|'))
                        : canonical));
    }

    public Collection<Instrument> all() {
        return byUrl.values();
    }

    /** The instrument whose total score has this LOINC code, as an EHR's Observation of it carries. */
    public Optional<Instrument> forTotalCode(String code) {
        return byUrl.values().stream().filter(instrument -> instrument.totalCode().equals(code)).findFirst();
    }

    private static boolean isScored(QuestionnaireItemComponent item) {
        return item.getType() == QuestionnaireItemType.CHOICE && item.hasAnswerOption()
                && item.getAnswerOption().stream().allMatch(option -> option.hasExtension(ORDINAL_VALUE));
    }

    private static Item item(QuestionnaireItemComponent item) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
            Coding answer = option.getValueCoding();
            scores.put(answer.getCode(),
                    ((DecimalType) option.getExtensionByUrl(ORDINAL_VALUE).getValue()).getValue().intValueExact());
        }
        return new Item(item.getLinkId(), item.getCodeFirstRep().getCode(), item.getText(), scores);
    }

    /** The total is the read-only integer item; its linkId is its LOINC code. */
    private static String totalCode(Questionnaire questionnaire) {
        return questionnaire.getItem().stream()
                .filter(item -> item.getType() == QuestionnaireItemType.INTEGER && item.getReadOnly())
                .map(QuestionnaireItemComponent::getLinkId).findFirst()
                .orElseThrow(() -> new IllegalStateException(questionnaire.getUrl() + " has no total-score item"));
    }

    private static Set<String> linkIdsOf(Questionnaire questionnaire, QuestionnaireItemType type) {
        return questionnaire.getItem().stream().filter(item -> item.getType() == type)
                .map(QuestionnaireItemComponent::getLinkId).collect(Collectors.toSet());
    }

    private static Band band(CsvRow row) {
        return new Band(Integer.parseInt(row.get("min")), Integer.parseInt(row.get("max")), row.get("band"),
                Boolean.parseBoolean(row.get("positive")), row.get("source"));
    }
}
