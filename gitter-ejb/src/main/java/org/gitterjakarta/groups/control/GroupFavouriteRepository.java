package org.gitterjakarta.groups.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import org.gitterjakarta.groups.entity.GroupFavourite;

@Repository
public interface GroupFavouriteRepository extends CrudRepository<GroupFavourite, String> {

  List<GroupFavourite> findByUserId(String userId);
}
