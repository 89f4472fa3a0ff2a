package org.gitterjakarta.mongo.control;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.DataRepository;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jnosql.mapping.NoSQLRepository;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

/**
 * Names the JNoSQL entities and repositories from a list. JNoSQL's own scanner walks every class of
 * every jar its class loader sees (Payara's hundreds included) with ClassGraph, once per WAR: that
 * was the largest part of start-up. Registered as a service in each WAR's {@code WEB-INF/classes},
 * which is searched before the JNoSQL jar; {@code GitterClassScannerTest} keeps the lists in step
 * with the annotations.
 */
public final class GitterClassScanner implements ClassScanner {

  static final List<String> ENTITIES =
      List.of(
          "org.gitterjakarta.tokens.entity.AccessToken",
          "org.gitterjakarta.oauth.entity.AuthorizationCode",
          "org.gitterjakarta.integrations.entity.Integration",
          "org.gitterjakarta.groups.entity.Group",
          "org.gitterjakarta.groups.entity.GroupFavourite",
          "org.gitterjakarta.rooms.entity.Membership",
          "org.gitterjakarta.moderation.entity.MessageReport",
          "org.gitterjakarta.oauth.entity.OAuthClient",
          "org.gitterjakarta.rooms.entity.Room",
          "org.gitterjakarta.rooms.entity.RoomBan",
          "org.gitterjakarta.rooms.entity.RoomMeta",
          "org.gitterjakarta.rooms.entity.UriLookup",
          "org.gitterjakarta.users.entity.User");

  static final List<String> REPOSITORIES =
      List.of(
          "org.gitterjakarta.oauth.control.AuthorizationCodeRepository",
          "org.gitterjakarta.rooms.control.BanRepository",
          "org.gitterjakarta.groups.control.GroupFavouriteRepository",
          "org.gitterjakarta.groups.control.GroupRepository",
          "org.gitterjakarta.integrations.control.IntegrationRepository",
          "org.gitterjakarta.rooms.control.MembershipRepository",
          "org.gitterjakarta.oauth.control.OAuthClientRepository",
          "org.gitterjakarta.moderation.control.ReportRepository",
          "org.gitterjakarta.rooms.control.RoomMetaRepository",
          "org.gitterjakarta.rooms.control.RoomRepository",
          "org.gitterjakarta.tokens.control.TokenRepository",
          "org.gitterjakarta.rooms.control.UriLookupRepository",
          "org.gitterjakarta.users.control.UserRepository");

  private static final List<Class<?>> STANDARD =
      List.of(
          CrudRepository.class, BasicRepository.class, NoSQLRepository.class, DataRepository.class);

  @Override
  public Set<Class<?>> entities() {
    return present(ENTITIES);
  }

  @Override
  public Set<Class<?>> repositories() {
    return present(REPOSITORIES).stream()
        .filter(DataRepository.class::isAssignableFrom)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> embeddables() {
    return Set.of();
  }

  @Override
  public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
    return repositories().stream()
        .filter(filter::isAssignableFrom)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> repositoriesStandard() {
    return repositories().stream()
        .filter(type -> Arrays.stream(type.getInterfaces()).anyMatch(STANDARD::contains))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> customRepositories() {
    return present(REPOSITORIES).stream()
        .filter(type -> !DataRepository.class.isAssignableFrom(type))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The named classes this deployment has: by name, because a test deployment may carry only some
   * features' packages.
   */
  private static Set<Class<?>> present(List<String> names) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Set<Class<?>> found = new HashSet<>();
    for (String name : names) {
      try {
        found.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException absent) {
        // that feature is not deployed here
      }
    }
    return Set.copyOf(found);
  }
}
