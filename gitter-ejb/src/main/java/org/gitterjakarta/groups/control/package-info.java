/** Storage of communities: the groups collection and its unique uri index. */
package org.gitterjakarta.groups.control;
