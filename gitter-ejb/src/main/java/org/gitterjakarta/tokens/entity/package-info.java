/**
 * API tokens: personal access tokens and OAuth grants. Values are random and stored only as hashes;
 * a token resolves to a {@link org.gitterjakarta.tokens.entity.Caller}.
 */
package org.gitterjakarta.tokens.entity;
