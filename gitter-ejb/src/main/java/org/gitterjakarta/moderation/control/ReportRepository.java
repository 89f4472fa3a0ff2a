package org.gitterjakarta.moderation.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import org.gitterjakarta.moderation.entity.MessageReport;

@Repository
public interface ReportRepository extends CrudRepository<MessageReport, String> {

  List<MessageReport> findByMessageId(String messageId);
}
