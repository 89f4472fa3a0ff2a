/**
 * Gitter-flavoured markdown, rendered server-side once per write: GitHub-flavoured markdown with
 * commonmark-java, mention and issue spans, then an allow-list sanitizer, so stored HTML is safe to
 * show as it is. Who may mention {@code @/all} is the caller's decision.
 */
package org.gitterjakarta.markdown.control;
