/**
 * Storage of communities: the groups collection and its unique uri index, and the communities each
 * person marked as favourite.
 */
package org.gitterjakarta.groups.control;
