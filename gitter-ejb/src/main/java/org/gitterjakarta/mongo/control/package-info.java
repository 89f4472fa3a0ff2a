/**
 * Access to MongoDB, the system of record: one configured client per application, the driver's
 * database handle and JNoSQL's document manager on top of it. Features own their collections and
 * indexes; this package only connects.
 */
package org.gitterjakarta.mongo.control;
