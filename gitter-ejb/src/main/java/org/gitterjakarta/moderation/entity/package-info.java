/** A report of a message, and how much a reporter's word weighs. */
package org.gitterjakarta.moderation.entity;
