package org.gitterjakarta.tokens.entity;

/** A token as issued: its value (never stored, shown once) and its stored record. */
public record IssuedToken(String value, AccessToken token) {}
