/**
 * The OAuth2 provider for third-party apps: registered clients and one-time authorization codes.
 * The tokens they lead to are ordinary API tokens of the tokens feature.
 */
package org.gitterjakarta.oauth.entity;
