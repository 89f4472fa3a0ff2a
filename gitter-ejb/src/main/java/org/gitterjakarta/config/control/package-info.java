/**
 * Where configuration comes from besides the app's defaults: the per-environment property sets of
 * {@code server-config/}, chosen with {@code GITTER_ENV}. Features read their keys with
 * {@code @ConfigProperty}; environment variables override every key.
 */
package org.gitterjakarta.config.control;
