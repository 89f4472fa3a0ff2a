/**
 * The accounts use cases: register, find, authenticate. Sign-in sessions (web) and tokens (API)
 * build on these but live in their own features.
 */
package org.gitterjakarta.users.boundary;
