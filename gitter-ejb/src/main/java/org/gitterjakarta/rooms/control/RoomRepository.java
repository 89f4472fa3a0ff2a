package org.gitterjakarta.rooms.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.rooms.entity.Room;

@Repository
public interface RoomRepository extends CrudRepository<Room, String> {

  Optional<Room> findByLcUri(String lcUri);

  List<Room> findByGroupId(String groupId);
}
