/**
 * Comprehensive assessment: scored screening instruments (PHQ-2, PHQ-9, GAD-7), shipped as Questionnaires in
 * {@code fhir-profiles/} with their score bands in {@code assessment/score-bands.csv}. The core scores a completed
 * response from plain answers; {@code glue} scores QuestionnaireResponses on write and stores the score Observations.
 */
package health.continuum.assessment;
