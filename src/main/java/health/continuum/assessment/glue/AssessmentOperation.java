package health.continuum.assessment.glue;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import health.continuum.assessment.AssessmentSummary;
import health.continuum.assessment.AssessmentSummary.DomainStatus;
import health.continuum.assessment.Instrument;
import health.continuum.assessment.InstrumentScoring;
import health.continuum.assessment.ScreenResult;
import health.continuum.server.ContinuumOperationProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/{id}/$assessment}: per domain of a comprehensive assessment, the latest result of each instrument
 * (date, score, band, the Observation that holds it) and whether the domain is current, outdated or missing. It reads
 * the patient's total-score Observations in one search, those the server scored and those an EHR sent.
 */
@Component
public class AssessmentOperation implements ContinuumOperationProvider {

    // A patient's total scores of three instruments: years of monthly screens fit well within this
    private static final int MAX_RESULTS = 1_000;
    // An entered-in-error or preliminary result is no result
    private static final Set<ObservationStatus> RESULT_STATUSES =
            Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED, ObservationStatus.CORRECTED);

    private final DaoRegistry daos;
    private final Instruments instruments;
    private final Duration maxAge;

    public AssessmentOperation(DaoRegistry daos, Instruments instruments, AssessmentProperties properties) {
        this.daos = daos;
        this.instruments = instruments;
        this.maxAge = properties.maxAge();
    }

    @Operation(name = "$assessment", idempotent = true, type = Patient.class)
    public Parameters assessment(@IdParam IdType id, RequestDetails request) {
        IdType patient = id.toUnqualifiedVersionless();
        daos.getResourceDao(Patient.class).read(patient, request);
        TokenOrListParam totals = new TokenOrListParam();
        instruments.all().forEach(instrument -> totals.add(InstrumentScoring.LOINC, instrument.totalCode()));
        SearchParameterMap search = SearchParameterMap.newSynchronous()
                .add(Observation.SP_SUBJECT, new ReferenceParam(patient.getValue()))
                .add(Observation.SP_CODE, totals);
        search.setLoadSynchronousUpTo(MAX_RESULTS);
        List<ScreenResult> results = daos.getResourceDao(Observation.class).search(search, request)
                .getAllResources().stream()
                .map(this::result).flatMap(Optional::stream).toList();
        return parameters(AssessmentSummary.of(instruments.all(), results, Instant.now(), maxAge));
    }

    private Optional<ScreenResult> result(IBaseResource resource) {
        Observation observation = (Observation) resource;
        Optional<Instrument> instrument = observation.getCode().getCoding().stream()
                .filter(coding -> InstrumentScoring.LOINC.equals(coding.getSystem()))
                .map(coding -> instruments.forTotalCode(coding.getCode())).flatMap(Optional::stream).findFirst();
        Integer total = observation.getValue() instanceof IntegerType integer ? integer.getValue()
                : observation.getValue() instanceof Quantity quantity && quantity.hasValue()
                        && quantity.getValue().stripTrailingZeros().scale() <= 0
                        ? quantity.getValue().intValue() : null;
        if (instrument.isEmpty() || total == null || !RESULT_STATUSES.contains(observation.getStatus())
                || !observation.hasEffectiveDateTimeType()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScreenResult(instrument.get(),
                    observation.getEffectiveDateTimeType().getValue().toInstant(), total,
                    instrument.get().bandOf(total), observation.getIdElement().toUnqualifiedVersionless().getValue()));
        } catch (IllegalArgumentException outsideTheScale) {
            // A total the instrument's items cannot add up to is not a result of it
            return Optional.empty();
        }
    }

    private static Parameters parameters(List<DomainStatus> domains) {
        Parameters parameters = new Parameters();
        for (DomainStatus domain : domains) {
            ParametersParameterComponent part = parameters.addParameter().setName("domain");
            part.addPart().setName("code").setValue(new CodeType(domain.domain().code()));
            part.addPart().setName("status").setValue(new CodeType(domain.status().name().toLowerCase(Locale.ROOT)));
            for (ScreenResult result : domain.latest()) {
                ParametersParameterComponent item = part.addPart().setName("result");
                item.addPart().setName("instrument")
                        .setValue(new CanonicalType(result.instrument().questionnaireUrl()));
                item.addPart().setName("title").setValue(new StringType(result.instrument().title()));
                item.addPart().setName("date").setValue(new DateTimeType(Date.from(result.date())));
                item.addPart().setName("score").setValue(new IntegerType(result.total()));
                item.addPart().setName("band").setValue(new StringType(result.band().name()));
                item.addPart().setName("positive").setValue(new BooleanType(result.band().positive()));
                item.addPart().setName("evidence").setValue(new Reference(result.evidence()));
            }
        }
        return parameters;
    }
}
