/**
 * Communities (Gitter's groups): create one with its default room, find, list its rooms and a
 * person's communities. The community record itself is the groups feature's.
 */
package org.gitterjakarta.communities.boundary;
