/**
 * Output of simulated builds for people (text) and programs (JSON, CSV), using cargo's field
 * names ({@code UnitData}, {@code Concurrency}) wherever cargo has one.
 */
package org.cratesim.report;
