package org.gitterjakarta.oauth.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import org.gitterjakarta.oauth.entity.AuthorizationCode;

@Repository
public interface AuthorizationCodeRepository extends CrudRepository<AuthorizationCode, String> {}
