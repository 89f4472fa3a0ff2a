/**
 * Who people are: local accounts with a unique, case-insensitive username, a display name, emails
 * and a PBKDF2 password hash. Tokens, memberships and settings refer to a user by id and live in
 * their own features.
 */
package org.gitterjakarta.users.entity;
