package org.gitterjakarta.rooms.control;

import jakarta.data.Limit;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomSecurity;

@Repository
public interface RoomRepository extends CrudRepository<Room, String> {

  Optional<Room> findByLcUri(String lcUri);

  List<Room> findByGroupId(String groupId);

  /** The newest rooms of one security, listed or not; for exploring public rooms. */
  List<Room> findBySecurityAndNoindexOrderByCreatedAtDesc(
      RoomSecurity security, boolean noindex, Limit limit);

  /** The newest rooms of one security carrying a tag ({@code tags} holds it); for exploring. */
  List<Room> findByTagsAndSecurityAndNoindexOrderByCreatedAtDesc(
      String tag, RoomSecurity security, boolean noindex, Limit limit);

  /** Many by id in one query (lists must not ask once per item). */
  List<Room> findByIdIn(java.util.Collection<String> ids);
}
