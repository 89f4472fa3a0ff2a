/**
 * Local Redis topologies a test starts and stops itself with the installed {@code redis-server} and
 * {@code redis-cli}: single servers, a Sentinel group (one master, one replica, three sentinels)
 * and a three-master Cluster, each on free local ports with its files in one folder.
 */
package org.gitterjakarta.testsupport.redis;
