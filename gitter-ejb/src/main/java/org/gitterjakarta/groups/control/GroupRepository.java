package org.gitterjakarta.groups.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.Optional;
import org.gitterjakarta.groups.entity.Group;

@Repository
public interface GroupRepository extends CrudRepository<Group, String> {

  Optional<Group> findByLcUri(String lcUri);
}
