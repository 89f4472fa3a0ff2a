package org.gitterjakarta.tokens.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.tokens.entity.AccessToken;

@Repository
public interface TokenRepository extends CrudRepository<AccessToken, String> {

  Optional<AccessToken> findByTokenHash(String tokenHash);

  List<AccessToken> findByUserId(String userId);

  List<AccessToken> findByClientId(String clientId);

  List<AccessToken> findByUserIdAndClientId(String userId, String clientId);
}
