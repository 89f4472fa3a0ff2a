package org.gitterjakarta.reports.control;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import org.gitterjakarta.reports.entity.MessageReport;

@Repository
public interface ReportRepository extends CrudRepository<MessageReport, String> {

  List<MessageReport> findByMessageId(String messageId);
}
