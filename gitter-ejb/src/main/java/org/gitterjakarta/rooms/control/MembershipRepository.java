package org.gitterjakarta.rooms.control;

import jakarta.data.Limit;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import org.gitterjakarta.rooms.entity.Membership;

@Repository
public interface MembershipRepository extends CrudRepository<Membership, String> {

  List<Membership> findByUserId(String userId);

  List<Membership> findByTroupeId(String troupeId, Limit limit);

  List<Membership> findByTroupeId(String troupeId);

  long countByTroupeId(String troupeId);
}
