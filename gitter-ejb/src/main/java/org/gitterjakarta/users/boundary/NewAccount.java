package org.gitterjakarta.users.boundary;

/** What a person gives to open an account; display name and email are optional. */
public record NewAccount(
    String username, String password, String displayName, String email, boolean staff) {}
