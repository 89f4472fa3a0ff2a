package org.gitterjakarta.oauth.entity;

/** A client as registered: the record, and its secret in the clear this one time. */
public record RegisteredClient(OAuthClient client, String clientSecret) {}
