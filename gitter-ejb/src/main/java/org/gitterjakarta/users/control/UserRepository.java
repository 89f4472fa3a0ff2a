package org.gitterjakarta.users.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.Optional;
import org.gitterjakarta.users.entity.User;

@Repository
public interface UserRepository extends CrudRepository<User, String> {

  Optional<User> findByLcUsername(String lcUsername);
}
