package org.gitterjakarta.rooms.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import org.gitterjakarta.rooms.entity.RoomMeta;

@Repository
public interface RoomMetaRepository extends CrudRepository<RoomMeta, String> {}
