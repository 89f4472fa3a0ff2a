package org.gitterjakarta.tokens.entity;

/** Who a valid token speaks for: a user, through an OAuth app or personally. */
public record Caller(String userId, String clientId) {}
