/**
 * Incoming webhooks over HTTP: the admins' routes ({@code /v1/rooms/:roomId/integrations}) and the
 * hook itself ({@code POST /api/private/hook/:secret}, Gitter's path), which takes no token: its
 * secret is the credential.
 */
package org.gitterjakarta.api.integrations;
