package org.gitterjakarta.groups.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.groups.entity.Group;

@Repository
public interface GroupRepository extends CrudRepository<Group, String> {

  Optional<Group> findByLcUri(String lcUri);

  /** Many by id in one query (lists must not ask once per item). */
  List<Group> findByIdIn(java.util.Collection<String> ids);
}
