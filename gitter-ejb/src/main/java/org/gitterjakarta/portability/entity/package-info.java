/** A message as an export file holds it, and the ids its imported copy gets. */
package org.gitterjakarta.portability.entity;
