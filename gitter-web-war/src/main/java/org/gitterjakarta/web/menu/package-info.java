/** The left menu of rooms shown on the signed-in pages, in Gitter's order. */
package org.gitterjakarta.web.menu;
