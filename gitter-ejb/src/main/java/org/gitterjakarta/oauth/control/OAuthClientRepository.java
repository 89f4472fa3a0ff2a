package org.gitterjakarta.oauth.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.oauth.entity.OAuthClient;

@Repository
public interface OAuthClientRepository extends CrudRepository<OAuthClient, String> {

  Optional<OAuthClient> findByClientKey(String clientKey);

  List<OAuthClient> findByOwnerUserId(String ownerUserId);
}
