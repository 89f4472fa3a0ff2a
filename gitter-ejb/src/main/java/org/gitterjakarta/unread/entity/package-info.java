/** Unread state as it travels between instances. */
package org.gitterjakarta.unread.entity;
