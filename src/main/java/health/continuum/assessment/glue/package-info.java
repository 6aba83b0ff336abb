/** Scoring on write: QuestionnaireResponses to the shipped instruments scored, their Observations stored. */
package health.continuum.assessment.glue;
