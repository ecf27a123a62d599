/**
 * SendGrid (Marketing Contacts API v3) export: {@link
 * dev.tributary.connectors.sendgrid.SendGridExportConnector} upserts contacts — profiles on a
 * schedule, or audience changes from a trigger with an optional backfill — keeps a multi-value
 * custom field of each contact's current audiences, and one SendGrid segment per audience defined
 * on that field. Upserts are asynchronous jobs, followed up by {@link
 * dev.tributary.connectors.sendgrid.SendGridJob}s reported to a {@link
 * dev.tributary.connectors.sendgrid.SendGridJobListener}.
 */
@NullMarked
package dev.tributary.connectors.sendgrid;

import org.jspecify.annotations.NullMarked;
