/**
 * The user routes of API v1: {@code /v1/user} (the caller) and {@code /v1/users/:username}
 * (profiles), with Gitter's JSON shapes as records.
 */
package org.gitterjakarta.api.users;
