/**
 * Communities (Gitter's groups) and the naming rules that keep their uris and room names apart from
 * the site's own paths. Rooms and membership live in the rooms feature.
 */
package org.gitterjakarta.groups.entity;
