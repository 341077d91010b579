package dev.reload.samples.clinic.probes;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Depends on {@link DatabaseAudit}: destroyed before it.
 *
 * @author reload-spring-boot
 */
@Component
class AuditReport {

	private final DatabaseAudit audit;

	AuditReport(DatabaseAudit audit) {
		this.audit = audit;
	}

	@PreDestroy
	void destroyed() {
		Events.record("report destroyed, owners=" + this.audit.owners());
	}

}
