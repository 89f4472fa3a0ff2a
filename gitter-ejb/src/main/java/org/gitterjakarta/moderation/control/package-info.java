/** Storage of message reports. */
package org.gitterjakarta.moderation.control;
