/** Who is typing in a room: never stored, passed on to the room's readers over Redis pub/sub. */
package org.gitterjakarta.typing.boundary;
