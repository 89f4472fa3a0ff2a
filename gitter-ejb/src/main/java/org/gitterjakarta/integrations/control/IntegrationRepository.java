package org.gitterjakarta.integrations.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.integrations.entity.Integration;

@Repository
public interface IntegrationRepository extends CrudRepository<Integration, String> {

  Optional<Integration> findBySecretHash(String secretHash);

  List<Integration> findByTroupeId(String troupeId);
}
