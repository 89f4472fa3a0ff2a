package org.gitterjakarta.rooms.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import org.gitterjakarta.rooms.entity.UriLookup;

@Repository
public interface UriLookupRepository extends CrudRepository<UriLookup, String> {

  /** A room's addresses: its own and those it had before renames. */
  List<UriLookup> findByTroupeId(String troupeId);
}
