package org.gitterjakarta.markdown.entity;

/** {@code #123} (repo null: the room's own) or {@code owner/repo#123}. */
public record IssueRef(String repo, String number) {}
