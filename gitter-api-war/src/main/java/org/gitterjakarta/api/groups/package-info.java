/** The community routes of API v1: {@code /v1/groups} and the rooms of a community. */
package org.gitterjakarta.api.groups;
