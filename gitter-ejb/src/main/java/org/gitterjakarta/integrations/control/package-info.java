/**
 * Storage of integrations (JNoSQL, {@code integrations}) and activity events (the driver, Gitter's
 * {@code events} collection, keyset pages newest first); both go when their room is deleted.
 */
package org.gitterjakarta.integrations.control;
