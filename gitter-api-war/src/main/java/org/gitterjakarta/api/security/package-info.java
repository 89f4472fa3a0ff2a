/**
 * Who is calling: the token is read where Gitter read it and the caller is resolved before any
 * {@link org.gitterjakarta.api.security.Authenticated} resource runs. Permission checks per room
 * stay with the domain boundaries.
 */
package org.gitterjakarta.api.security;
