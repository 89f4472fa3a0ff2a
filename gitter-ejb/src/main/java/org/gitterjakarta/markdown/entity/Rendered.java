package org.gitterjakarta.markdown.entity;

import java.util.List;

/**
 * A message text rendered once, on write: safe HTML plus what the text refers to. Mentions hold
 * screen names only; which users they are is for the caller to resolve.
 */
public record Rendered(
    String html,
    List<String> mentionedNames,
    boolean mentionsAll,
    List<IssueRef> issues,
    List<String> urls) {}
