/**
 * Amplitude (Behavioral Cohorts API) import: {@link
 * dev.tributary.connectors.amplitude.AmplitudeCohortImportConnector} requests a cohort, polls until
 * Amplitude has computed it, downloads the file and pages through its members ({@link
 * dev.tributary.connectors.amplitude.CohortMember}) — and, against the previous snapshot, those who
 * left. {@link dev.tributary.connectors.amplitude.CohortMembers} resolves them into profiles with a
 * membership field.
 */
@NullMarked
package dev.tributary.connectors.amplitude;

import org.jspecify.annotations.NullMarked;
