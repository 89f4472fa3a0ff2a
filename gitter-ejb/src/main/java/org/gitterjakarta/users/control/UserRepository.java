package org.gitterjakarta.users.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.users.entity.User;

@Repository
public interface UserRepository extends CrudRepository<User, String> {

  Optional<User> findByLcUsername(String lcUsername);

  /** Many by id in one query (lists must not ask once per item). */
  List<User> findByIdIn(java.util.Collection<String> ids);
}
