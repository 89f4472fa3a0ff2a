package org.gitterjakarta.ratelimits.entity;

/**
 * The address a request came from, for limits per address. Behind proxies every request arrives
 * from a proxy, so the client's address is read from {@code X-Forwarded-For}: each trusted proxy
 * appends the address it saw, so the entry that many places from the end is the last one a client
 * could not write itself. Without trusted proxies the header is ignored (anyone can send it).
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(String remoteAddress, String forwardedFor, int trustedProxies) {
    if (trustedProxies <= 0 || forwardedFor == null || forwardedFor.isBlank()) {
      return remoteAddress;
    }
    String[] hops = forwardedFor.split(",");
    String client = hops[Math.max(0, hops.length - trustedProxies)].strip();
    return client.isEmpty() ? remoteAddress : client;
  }
}
