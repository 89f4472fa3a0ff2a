/**
 * Incoming webhooks (integrations) and the activity events they post: the integration record with
 * its hashed secret, the stored event, and the translation of the payload shapes we recognise
 * (Gitter's generic {@code {message, icon, level}} and GitHub's push, issues and pull_request) into
 * markdown. Pure: no storage, no HTTP.
 */
package org.gitterjakarta.integrations.entity;
