package org.gitterjakarta.rooms.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import org.gitterjakarta.rooms.entity.UriLookup;

@Repository
public interface UriLookupRepository extends CrudRepository<UriLookup, String> {}
