package health.continuum.medication.glue;

import health.continuum.canonical.Canonical;
import health.continuum.canonical.CodeSystems;
import health.continuum.canonical.ContinuumCodes;
import health.continuum.canonical.ContinuumCodes.DetectedIssueMitigation;
import health.continuum.conformance.glue.ServerAuthored;
import health.continuum.medication.Finding;
import health.continuum.medication.FindingType;
import health.continuum.medication.Severity;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

/** How findings are written down: as DetectedIssues, their mitigations, and OperationOutcome issues. */
final class DetectedIssues {

    private DetectedIssues() {}

    /** R4 DetectedIssue.reference is a uri and rule sources are citations, so the source is quoted in detail. */
    static DetectedIssue of(Finding finding, String patient) {
        DetectedIssue issue = ServerAuthored.mark(new DetectedIssue());
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        finding.type().actCode().ifPresent(code -> issue.getCode().addCoding()
                .setSystem(CodeSystems.V3_ACT_CODE).setCode(code));
        issue.getCode().setText(switch (finding.type()) {
            case INTERACTION -> "Drug interaction";
            case DUPLICATE_THERAPY -> "Duplicate therapy";
            case EXTERNAL -> "Finding of the site's knowledge service";
            case EXTERNAL_UNAVAILABLE -> "External check unavailable";
            case UNIDENTIFIED -> "Medication cannot be checked";
        });
        // A rule branch whose source states no level gets none: the detail says so, no severity is made up
        if (finding.severity() != null) {
            issue.setSeverity(DetectedIssue.DetectedIssueSeverity.fromCode(finding.severity().code()));
        }
        issue.setPatient(new Reference(patient));
        issue.setIdentified(new DateTimeType(new Date()));
        issue.addImplicated(new Reference(finding.reference()));
        if (finding.otherReference() != null) {
            issue.addImplicated(new Reference(finding.otherReference()));
        }
        issue.setDetail(sentence(finding.detail()) + " Source: " + finding.source());
        issue.addIdentifier().setSystem(Canonical.DETECTED_ISSUE_KEY_SYSTEM).setValue(finding.key());
        return issue;
    }

    /** The prescriber's documented decision to go ahead despite the interaction. */
    static void addOverride(DetectedIssue issue, String reason, Reference author) {
        DetectedIssue.DetectedIssueMitigationComponent mitigation = issue.addMitigation();
        mitigation.setAction(new CodeableConcept().setText("override: " + reason));
        mitigation.getAction().addCoding().setSystem(ContinuumCodes.DETECTED_ISSUE_MITIGATION)
                .setCode(DetectedIssueMitigation.OVERRIDE.code());
        mitigation.setDate(new Date());
        mitigation.setAuthor(mitigationAuthor(author));
    }

    /** A stopped medication ends the issue: cancelled, with the stop as the mitigation that ended it. */
    static void closeOut(DetectedIssue issue, FhirMedication stopped) {
        ServerAuthored.mark(issue);
        issue.setStatus(DetectedIssue.DetectedIssueStatus.CANCELLED);
        DetectedIssue.DetectedIssueMitigationComponent mitigation = issue.addMitigation();
        mitigation.setAction(new CodeableConcept().setText(stopped.reference() + " is " + stopped.status()));
        mitigation.getAction().addCoding().setSystem(ContinuumCodes.DETECTED_ISSUE_MITIGATION)
                .setCode(DetectedIssueMitigation.MEDICATION_STOPPED.code());
        mitigation.setDate(new Date());
    }

    // mitigation.author allows only Practitioner(Role); anyone else is named by display, so the reference stays valid.
    private static Reference mitigationAuthor(Reference author) {
        String reference = author == null ? null : author.getReference();
        if (reference != null && (reference.startsWith("Practitioner/") || reference.startsWith("PractitionerRole/"))) {
            return new Reference(reference);
        }
        return new Reference().setDisplay(reference == null ? "unknown" : reference);
    }

    static OperationOutcome.OperationOutcomeIssueComponent outcomeIssue(Finding finding, String resourceType) {
        OperationOutcome.OperationOutcomeIssueComponent issue = new OperationOutcome.OperationOutcomeIssueComponent();
        issue.setSeverity(finding.severity() == Severity.LOW
                ? OperationOutcome.IssueSeverity.INFORMATION : OperationOutcome.IssueSeverity.WARNING);
        issue.setCode(finding.type() == FindingType.UNIDENTIFIED
                ? OperationOutcome.IssueType.INFORMATIONAL : OperationOutcome.IssueType.BUSINESSRULE);
        String severity = finding.severity() == null ? "level not stated" : finding.severity().code();
        issue.getDetails().setText(severity + " " + label(finding) + ": " + finding.detail());
        issue.setDiagnostics(sentence(finding.detail()) + " Source: " + finding.source());
        issue.addExpression(resourceType + ".medication");
        return issue;
    }

    static OperationOutcome rejection(List<Finding> blocking, String resourceType) {
        OperationOutcome outcome = new OperationOutcome();
        for (Finding finding : blocking) {
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.BUSINESSRULE)
                    .setDiagnostics("High-severity interaction, write rejected (continuum.medication.interaction-policy"
                            + "=reject-high): " + finding.detail() + ". Source: " + finding.source()
                            + ". To proceed, document the reason in extension " + Canonical.INTERACTION_OVERRIDE_EXTENSION)
                    .addExpression(resourceType + ".medication");
        }
        return outcome;
    }

    // An external card's detail may end its own sentence
    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String label(Finding finding) {
        return switch (finding.type()) {
            case INTERACTION -> "drug interaction";
            case DUPLICATE_THERAPY -> "duplicate therapy";
            case UNIDENTIFIED -> "medication cannot be checked";
            case EXTERNAL -> "knowledge service";
            case EXTERNAL_UNAVAILABLE -> "external check";
        };
    }
}
