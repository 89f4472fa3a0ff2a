/**
 * The community use cases: create one (with its default room), find, list a person's. Rooms of a
 * community are created through the rooms feature, which checks community admin rights.
 */
package org.gitterjakarta.groups.boundary;
