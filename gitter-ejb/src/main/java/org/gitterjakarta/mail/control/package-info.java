/**
 * Mail's machinery: SMTP settings and transport, the Redis queue of who is due for a digest (with
 * the per-person sender lock), verified addresses in MongoDB, and the job that reads and sends
 * digests.
 */
package org.gitterjakarta.mail.control;
