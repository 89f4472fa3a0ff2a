package org.gitterjakarta.users.entity;

/** Fired when an account is deleted, so that its tokens and memberships go with it. */
public record AccountRemoved(String userId) {}
