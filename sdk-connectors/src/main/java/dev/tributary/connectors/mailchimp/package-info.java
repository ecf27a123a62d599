/**
 * Mailchimp (Marketing API 3.0) imports: audience members, paged and incremental by their last
 * change ({@link dev.tributary.connectors.mailchimp.MailchimpMembersImportConnector}, mapped into
 * profiles with {@link dev.tributary.connectors.mailchimp.MailchimpMembers}), and the content of
 * sent campaigns for content affinity ({@link
 * dev.tributary.connectors.mailchimp.MailchimpCampaignContentImportConnector}). Requests go to the
 * data center the API key names ({@code …-us6} → {@code https://us6.api.mailchimp.com/3.0}).
 */
@NullMarked
package dev.tributary.connectors.mailchimp;

import org.jspecify.annotations.NullMarked;
