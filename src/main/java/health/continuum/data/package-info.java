/**
 * Reading the project's data files ({@link health.continuum.data.CsvReader}): one format, one comment rule, one way of
 * naming a problem's file and line, for every capability. Pure: no FHIR model, no HAPI, no Spring.
 */
package health.continuum.data;
