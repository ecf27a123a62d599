package dev.tributary.examples.quickstart;

import java.time.Duration;

/**
 * What the quickstart did, step by step: the facts its summary prints.
 *
 * @param profiles sample profiles created
 * @param audience of those, members of the exported audience
 * @param exportedFile the exported file's name on the SFTP server
 * @param exportedProfiles profiles in the exported file
 * @param exportedBytes its size (gzipped and encrypted)
 * @param imported rows imported from that file
 * @param created profiles the import created
 * @param updated profiles the import updated
 * @param merged rows that merged two profiles into one
 * @param rawEvents raw events kept from columns the mapping did not read
 * @param webhooksSent audience changes sent as signed webhooks
 * @param webhooksVerified webhooks the receiver verified and accepted
 * @param enriched profiles the mock provider enriched
 * @param notFound profiles the provider did not know
 * @param alerts alerts rendered
 * @param elapsed how long it all took
 */
public record Summary(
    int profiles,
    int audience,
    String exportedFile,
    long exportedProfiles,
    long exportedBytes,
    long imported,
    long created,
    long updated,
    long merged,
    long rawEvents,
    int webhooksSent,
    int webhooksVerified,
    long enriched,
    long notFound,
    int alerts,
    Duration elapsed) {}
