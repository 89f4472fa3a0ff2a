package org.gitterjakarta.bench.setup;

/** A benchmark account and its personal access token. */
public record Account(String username, String token) {}
