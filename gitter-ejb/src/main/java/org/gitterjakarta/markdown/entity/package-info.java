/** What rendering a markdown text yields: sanitized HTML and the references found in it. */
package org.gitterjakarta.markdown.entity;
