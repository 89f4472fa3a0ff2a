/**
 * Storage and secrets of accounts: the users collection with its indexes, and password hashing.
 * Rules on what an account may look like stay in the entity package.
 */
package org.gitterjakarta.users.control;
