package org.gitterjakarta.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.gitterjakarta.users.boundary.Users;

/**
 * Checks a username and password against the accounts (PBKDF2 hashes); the signed-in caller's name
 * is the user id, so pages and the API agree on who it is.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject Users users;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return users
        .authenticate(login.getCaller(), login.getPasswordAsString())
        .map(user -> new CredentialValidationResult(user.id(), Set.of(WebAuthentication.ROLE)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
