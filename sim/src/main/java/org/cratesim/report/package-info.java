/**
 * Output for people (text) and programs (JSON, CSV), using cargo's field names ({@code UnitData},
 * {@code Concurrency}) wherever cargo has one: a {@code Reporter} per {@code ReportFormat} renders
 * each command's result (a build, a strategy comparison, a prediction, a validation); the HTML
 * page, the split/merge figures and the sweep charts have one format each.
 */
package org.cratesim.report;
