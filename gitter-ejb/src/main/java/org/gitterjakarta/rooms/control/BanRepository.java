package org.gitterjakarta.rooms.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import org.gitterjakarta.rooms.entity.RoomBan;

@Repository
public interface BanRepository extends CrudRepository<RoomBan, String> {

  List<RoomBan> findByTroupeId(String troupeId);
}
